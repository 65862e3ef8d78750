import { SiteInputError } from './site-input-error.ts';

/** An XML element reduced to what KML needs: local name, child elements, direct text and where it starts. */
export interface XmlElement {
  name: string;
  children: XmlElement[];
  text: string;
  line: number;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const decode = (text: string) =>
  text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) =>
    name.startsWith('#x') || name.startsWith('#X') ? String.fromCodePoint(parseInt(name.slice(2), 16))
      : name.startsWith('#') ? String.fromCodePoint(Number(name.slice(1)))
        : ENTITIES[name] ?? whole);

const OPEN_TAG = /<([A-Za-z_][\w:.-]*)(?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*\s*(\/?)>/y;
const CLOSE_TAG = /<\/([A-Za-z_][\w:.-]*)\s*>/y;
/** Declarations, comments, processing instructions and DOCTYPE carry nothing KML needs. */
const SKIPPED = [['<?', '?>'], ['<!--', '-->'], ['<!', '>']] as const;

/**
 * A small non-validating XML reader. DOMParser would do in browsers but not in Node, and its error reports differ
 * between engines; this reader behaves the same everywhere and names the line of each problem.
 */
export function readXml(text: string): XmlElement {
  const lineStarts = [0];
  for (let index = text.indexOf('\n'); index >= 0; index = text.indexOf('\n', index + 1)) lineStarts.push(index + 1);
  const lineOf = (offset: number) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if ((lineStarts[middle] ?? 0) <= offset) low = middle; else high = middle - 1;
    }
    return low + 1;
  };
  const fail = (offset: number, en: string, zh: string) =>
    new SiteInputError({ en: `XML line ${lineOf(offset)}: ${en}`, zh: `XML第${lineOf(offset)}行：${zh}` });

  const document: XmlElement = { name: '#document', children: [], text: '', line: 1 };
  const open = [document];
  let index = 0;
  while (index < text.length) {
    const current = open[open.length - 1] ?? document;
    if (text[index] !== '<') {
      const end = text.indexOf('<', index);
      const chunk = text.slice(index, end < 0 ? text.length : end);
      if (current === document && chunk.trim()) throw fail(index, 'text outside the root element', '根元素之外有文本');
      current.text += decode(chunk);
      index = end < 0 ? text.length : end;
      continue;
    }
    if (text.startsWith('<![CDATA[', index)) {
      const end = text.indexOf(']]>', index);
      if (end < 0) throw fail(index, 'CDATA section is never closed', 'CDATA段没有结束');
      current.text += text.slice(index + 9, end);
      index = end + 3;
      continue;
    }
    const skipped = SKIPPED.find(([start]) => text.startsWith(start, index));
    if (skipped) {
      const end = text.indexOf(skipped[1], index);
      if (end < 0) throw fail(index, `"${skipped[0]}" is never closed`, `“${skipped[0]}”没有结束`);
      index = end + skipped[1].length;
      continue;
    }
    CLOSE_TAG.lastIndex = index;
    const close = CLOSE_TAG.exec(text);
    if (close) {
      const name = close[1] ?? '';
      if (current === document || name.replace(/^.*:/, '') !== current.name) {
        throw fail(index, `</${name}> does not match the open element <${current.name}>`, `</${name}>与未闭合的<${current.name}>不匹配`);
      }
      open.pop();
      index = CLOSE_TAG.lastIndex;
      continue;
    }
    OPEN_TAG.lastIndex = index;
    const tag = OPEN_TAG.exec(text);
    if (!tag) throw fail(index, `malformed tag "${text.slice(index, index + 30)}"`, `标签格式错误“${text.slice(index, index + 30)}”`);
    const element: XmlElement = { name: (tag[1] ?? '').replace(/^.*:/, ''), children: [], text: '', line: lineOf(index) };
    current.children.push(element);
    if (tag[2] !== '/') open.push(element);
    index = OPEN_TAG.lastIndex;
  }
  const unclosed = open[open.length - 1];
  if (unclosed && unclosed !== document) {
    throw new SiteInputError({
      en: `XML line ${unclosed.line}: <${unclosed.name}> is never closed`, zh: `XML第${unclosed.line}行：<${unclosed.name}>没有闭合`,
    });
  }
  const [root] = document.children;
  if (!root) throw new SiteInputError({ en: 'the XML has no root element', zh: 'XML没有根元素' });
  return root;
}
