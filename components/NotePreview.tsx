import type { ComponentChildren } from 'preact';
import type { Block, Inline } from '../lib/digest/blocks';
import { parseNote } from '../lib/digest/note-markdown';

function Runs({ runs }: { runs: readonly Inline[] }) {
  return (
    <>
      {runs.map((run, i) => {
        const key = `${run.kind}-${i}`;
        switch (run.kind) {
          case 'link':
            return (
              <a key={key} href={run.url} target="_blank" rel="noreferrer noopener">
                {run.text}
              </a>
            );
          case 'emphasis':
            return run.strong ? (
              <strong key={key}>
                <Runs runs={run.content} />
              </strong>
            ) : (
              <em key={key}>
                <Runs runs={run.content} />
              </em>
            );
          case 'code':
            return <code key={key}>{run.text}</code>;
          case 'break':
            return <br key={key} />;
          default:
            return run.text;
        }
      })}
    </>
  );
}

function Heading({ level, children }: { level: number; children: ComponentChildren }) {
  const Tag = `h${Math.min(6, Math.max(4, level))}` as 'h4' | 'h5' | 'h6';
  return <Tag>{children}</Tag>;
}

function BlockView({ block }: { block: Block }) {
  switch (block.kind) {
    case 'heading':
      return (
        <Heading level={block.level}>
          <Runs runs={block.content} />
        </Heading>
      );
    case 'paragraph':
      return (
        <p>
          <Runs runs={block.content} />
        </p>
      );
    case 'bullets':
    case 'list': {
      const items = block.items.map((runs, i) => (
        <li key={i}>
          <Runs runs={runs} />
        </li>
      ));
      return block.kind === 'list' && block.ordered ? <ol start={block.start}>{items}</ol> : <ul>{items}</ul>;
    }
    case 'quote':
      return <blockquote>{block.text}</blockquote>;
    default:
      return null;
  }
}

/**
 * A note as the draft will show it, from the same parser the renderers use (lib/digest/note-markdown.ts),
 * built as elements: nothing the editor typed becomes markup.
 */
export function NotePreview({ text }: { text: string }) {
  return (
    <div class="note-preview" data-testid="note-preview">
      {parseNote(text, 3).map((block, i) => (
        <BlockView key={i} block={block} />
      ))}
    </div>
  );
}
