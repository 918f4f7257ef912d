// Who wrote a Chinese page, as its text says it: an info line under the headline
// (`2020-02-19 10:21 来源：新浪科技 作者：张三`), a dateline (`新华社北京2月19日电（记者 张三、李四）`),
// a reporter credit (`光明日报记者 王建宏 张文攀`, `本报记者罗科苏盈发自北京`) or a credit in brackets
// closing the story (`…发展。（记者 胡晓蓉）`, `…过程吗？”（姚峰 上海报道）`). Editors (`责任编辑：…`)
// never count. The clipper only gathers the lines (lib/capture/zh-lines.ts); they are read here,
// outside the page, so the rules cost the injected clipper nothing (lib/capture/tidy-capture.ts).
// Measured on the Chinese development corpus: docs/metadata-accuracy.md.

import { DATED_MARK } from './zh-lines';

const HAN_RUN = /^[\p{Script=Han}·]+/u;
/** What ends a reporter's name inside the same run of characters: `张三报道`, `罗科苏盈发自北京`, `李四摄`. */
const NAME_TAIL = /(?:综合报道|报道|報導|摄影?|攝影?|[发發]自[\p{Script=Han}]*)$/u;
/** A run that names a role, not a person: a list of names stops there. */
const ROLE_WORD = /记者|記者|评论员|評論員|编辑|編輯|实习|實習|通讯员|通訊員|摄影|攝影|主编|主編|责编|責編|来源|來源/u;
/** What may follow the last name of a credit: its end, a blank, a bracket, `/文` or a Latin letter (a place glued to a date, `台北19日電`, is a dateline). */
const STRONG_END = /^(?:$|[\s）)】\]／/|｜A-Za-z])/u;

/**
 * The names a credit gives, read from the text just after its label. With a blank or colon after
 * the label (`记者 王建宏 张文攀`) several names may follow, parted by blanks or `、`/`，`; glued to the
 * label (`记者马俊峰/文`) only one, which must end the credit. A name is two to four characters (a
 * co-author after the first two or three, as four-character runs after a name are the text going
 * on: `记者 刘涛 最新动态`); a name followed by a comma and then no further name is the sentence
 * (`记者 王建宏 张文攀 土豆，听名字…`), and a run before `报道` after a name is a place (`姚峰 上海报道`).
 */
export function namesAfter(rest: string, spaced: boolean, following = false): string[] {
  const names: string[] = [];
  let s = rest;
  for (;;) {
    const run = HAN_RUN.exec(s)?.[0];
    if (!run) break;
    const name = run.replace(NAME_TAIL, '');
    const tailed = name !== run;
    const after = s.slice(run.length);
    if (name.length < 2 || name.length > (names.length || following ? 3 : 4) || ROLE_WORD.test(name)) break;
    if (tailed) {
      if (names.length === 0) names.push(name);
      break;
    }
    const separator = /^\s*[、，,]\s*/.exec(after)?.[0];
    if (separator && spaced) {
      names.push(name);
      s = after.slice(separator.length);
      // The list goes on only if another name follows and ends it well.
      if (namesAfter(s, true, true).length === 0) names.pop();
      continue;
    }
    // Glued to its label, a name must say where it ends (`记者马俊峰/文`, `（记者张三报道）`): `新华社记者看河北` is a title.
    if (!STRONG_END.test(after) || (!spaced && !/^[／/）)]/.test(after))) break;
    names.push(name);
    const blank = /^\s+/.exec(after)?.[0];
    if (!spaced || !blank) break;
    s = after.slice(blank.length);
  }
  return names;
}

/** Who reported: `记者`, `本报记者`, `新华日报·交汇点记者`, `总台记者`, `实习生`, `通讯员`, after a blank or a bracket. */
const REPORTER =
  /(?:^|[\s（(【[|｜□])(?:[\p{Script=Han}·]{0,10}(?:报|報|社|台|网|網|刊|点|點|站))?(?:特约|特約|实习|實習|首席)?(?:记者|記者|通讯员|通訊員|实习生|實習生)(\s*[:：]\s*|\s+)?/gu;
/** Who wrote: `作者：`, `作者 `, `文｜`, `撰文：`, `执笔人：`. */
const WRITER =
  /(?:^|[\s（(【[|｜])(?:作者(?:\s*[：:|｜/／]\s*|\s+)|(?:撰文|撰稿|文|执笔人?|執筆人?)\s*[：:|｜/／]\s*)/gu;
/** A writer's name that is a handle in Latin letters (`zboygirl`, forums and blogs). */
const HANDLE = /^[\p{L}\p{N}_.&·-]{2,24}(?=$|[\s）)】\]|｜,，;；])/u;
/** Editors and proof-readers with their names: never the author. */
const EDITORS =
  /(?:责任编辑|責任編輯|责编|責編|编辑|編輯|校对|校對|审核|審核)\s*[：:]?\s*[\p{Script=Han}·、，, ]{2,20}/gu;
/** Words that close a story in brackets and are not names. */
const NOT_A_CREDIT = /^(?:完|图|圖|组图|組圖|供图|供圖|待续|待續|续|續|全文完|转载|轉載|整理|摘编|摘編)$/u;

function creditIn(line: string): string[] {
  const text = line.replace(EDITORS, ' ');
  const names: string[] = [];
  for (const m of text.matchAll(REPORTER)) {
    for (const name of namesAfter(text.slice((m.index ?? 0) + m[0].length), m[1] !== undefined))
      if (!names.includes(name)) names.push(name);
  }
  if (names.length) return names;
  for (const m of text.matchAll(WRITER)) {
    const rest = text.slice((m.index ?? 0) + m[0].length);
    const handle = /^[\p{Script=Han}]/u.test(rest) ? undefined : HANDLE.exec(rest)?.[0];
    const found = handle ? [handle] : namesAfter(rest, true);
    if (found.length) return found;
  }
  // A credit in brackets that closes a paragraph of the story after its last sentence: `…发展。（袁源）`,
  // `…。（常书香 马丹阳 ）`; brackets alone are a menu's or a list's (`(新闻)`, `（作曲）`).
  const closing = /[。！？!?”」』…]\s*[（(]\s*([\p{Script=Han}·、，, ]{2,24}?)\s*[）)]\s*$/u.exec(text)?.[1];
  if (closing && !NOT_A_CREDIT.test(closing) && !/[报報社网網台刊]$/u.test(closing)) {
    const found = namesAfter(closing, true);
    // Every part of the brackets must be a name (or, last, the place a report came from).
    const rest = closing.replace(/\s+[\p{Script=Han}]{2,4}报道$/u, '').replace(/[\s、，,]+/g, '');
    if (found.length && rest === found.join('')) return found;
  }
  return [];
}

/** A reporter or author named in a Chinese byline line, never an editor; co-authors joined by `、`. */
export function zhByline(texts: readonly string[]): string | undefined {
  for (let i = 0; i < texts.length; i++) {
    if (texts[i]?.startsWith(DATED_MARK)) break;
    const names = creditIn(texts[i] as string);
    if (names.length === 0) continue;
    // A credit on several lines (`本报实习生 刘国栋 周炜<br>本报记者 王燕平 方云凤`): the lines that go on with a reporter.
    for (let next = texts[i + 1]; next && REPORTER_LINE.test(next); next = texts[++i + 1])
      for (const name of creditIn(next)) if (!names.includes(name)) names.push(name);
    return names.join('、');
  }
  return undefined;
}

const REPORTER_LINE = /^[\p{Script=Han}·]{0,10}(?:记者|記者|通讯员|通訊員|实习生|實習生)/u;

const ZH_SOURCE = /(?:来源|來源|出处|出處)\s*[：:]\s*([\p{Script=Han}A-Za-z0-9·]{2,20})/u;

/** The outlet a Chinese page names in its info line (`来源：新浪科技`). */
export function zhSourceLine(texts: readonly string[]): string | undefined {
  for (const line of texts) {
    // `网易科技报道`: the outlet is 网易科技; the rest says it reported.
    const name = ZH_SOURCE.exec(line)?.[1]?.replace(/(?:报道|報導|讯|訊|综合)$/u, '');
    // `来源：转载文章`, `来源：网络`, `来源：本站` name no outlet.
    if (name && name.length >= 2 && !/^\d+$/.test(name) && !NO_OUTLET.test(name)) return name;
  }
  return undefined;
}

const NO_OUTLET = /^(?:转载|轉載|网络|網絡|互联网|互聯網|本站|本网|本網|原创|原創|网友|網友|未知)/u;

const DATE_TIME =
  /(\d{4})(?:[-/.](\d{1,2})[-/.](\d{1,2})|年(\d{1,2})月(\d{1,2})日)\s*(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?/u;

/**
 * When a Chinese page's story ran, from the first date with a time in its text (gathered in
 * document order by lib/capture/zh-lines.ts): a local date-time, as the page shows it.
 */
export function zhDateLine(texts: readonly string[]): string | undefined {
  for (const line of texts) {
    if (!line.startsWith(DATED_MARK)) continue;
    const m = DATE_TIME.exec(line);
    if (!m) continue;
    const [month, day, hour] = [Number(m[2] ?? m[4]), Number(m[3] ?? m[5]), Number(m[6])];
    if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23) continue;
    const two = (n: number | string) => String(n).padStart(2, '0');
    return `${m[1]}-${two(month)}-${two(day)}T${two(hour)}:${m[7]}${m[8] ? `:${m[8]}` : ''}`;
  }
  return undefined;
}
