/**
 * The draft as a document: blocks of inline runs, built once from the items and written out
 * by the Markdown and HTML writers. Text runs are whatever the editor or a page wrote; the
 * writers escape them. `literal` runs are ours and need no escaping.
 */
export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'literal'; text: string }
  | { kind: 'link'; text: string; url: string }
  /** Emphasis the editor wrote in a note (`*a*`, `**a**`). */
  | { kind: 'emphasis'; strong: boolean; content: Inline[] }
  | { kind: 'code'; text: string }
  /** A line break inside a paragraph or list item of a note. */
  | { kind: 'break' };

/** A quote in the references: its text, its Markdown as blocks when it has any, its link to its place. */
export interface QuoteBlock {
  text: string;
  blocks?: Block[];
  link?: string;
}

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3 | 4 | 5 | 6; content: Inline[] }
  | { kind: 'paragraph'; content: Inline[] }
  /** `notes[i]`: the blocks under bullet i (an item's note), when it has any. */
  | { kind: 'bullets'; items: Inline[][]; notes?: (Block[] | undefined)[] }
  /**
   * A list the editor wrote in a note: bullets, or numbers from `start`; `children[i]`: the blocks
   * indented under item i (a nested list), when it has any.
   */
  | { kind: 'list'; ordered: boolean; start: number; items: Inline[][]; children?: (Block[] | undefined)[] }
  /** `blocks`: the quote's own Markdown (links, emphasis, lists the selection carried), when it has one. */
  | { kind: 'quote'; text: string; blocks?: Block[]; attribution?: Inline[] }
  /** Each quote with, when the editor asked for it, a link to its place on the page (lib/digest/text-fragment.ts). */
  | {
      kind: 'references';
      /** False when the editor's reference line writes its own number (`{{n}}`): then no list number is added. */
      numbered: boolean;
      items: { content: Inline[]; quotes: QuoteBlock[] }[];
    };

/** The text a reader reads in some runs (link labels included). */
export function inlineText(content: readonly Inline[]): string {
  return content
    .map((run) =>
      run.kind === 'break' ? '\n' : run.kind === 'emphasis' ? inlineText(run.content) : (run as { text: string }).text,
    )
    .join('');
}
