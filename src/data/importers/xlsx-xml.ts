/**
 * A small streaming XML tokenizer for SpreadsheetML. Workers have no DOMParser, and a worksheet
 * of a few hundred MB must not become a DOM anyway: this one is fed text chunks and reports
 * start tags, end tags and text, keeping only an unfinished tag between chunks. It is made for
 * well-formed machine-written XML (Excel, LibreOffice, GDAL, openpyxl), not for validating.
 */

export interface XmlHandler {
  /** A start tag: local name (prefix such as `x:` dropped), the raw tag text for `attributes`, self-closing. */
  open(name: string, tag: string, selfClosing: boolean): void;
  close(name: string): void;
  /** Raw text between tags (entities still encoded; see decodeXml). May arrive in pieces. */
  text?(raw: string): void;
}

/** Feeds chunks of XML text to a handler. */
export class XmlScanner {
  #buf = '';

  constructor(private readonly handler: XmlHandler) {}

  push(chunk: string): void {
    const buf = this.#buf.length > 0 ? this.#buf + chunk : chunk;
    const h = this.handler;
    const n = buf.length;
    let pos = 0;
    while (pos < n) {
      const lt = buf.indexOf('<', pos);
      if (lt < 0) {
        h.text?.(buf.slice(pos));
        pos = n;
        break;
      }
      if (lt > pos) h.text?.(buf.slice(pos, lt));
      pos = lt;
      const next = buf.charCodeAt(lt + 1);
      if (next === 0x21 /* ! */ || next === 0x3f /* ? */) {
        const cdata = buf.startsWith('<![CDATA[', lt);
        const terminator = cdata ? ']]>' : next === 0x3f ? '?>' : buf.startsWith('<!--', lt) ? '-->' : '>';
        const end = buf.indexOf(terminator, lt + 2);
        if (end < 0) break;
        if (cdata) h.text?.(escapeXml(buf.slice(lt + 9, end)));
        pos = end + terminator.length;
        continue;
      }
      const gt = tagEnd(buf, lt + 1);
      if (gt < 0) break;
      if (next === 0x2f /* / */) h.close(localName(buf.slice(lt + 2, gt).trim()));
      else {
        const selfClosing = buf.charCodeAt(gt - 1) === 0x2f;
        const tag = buf.slice(lt + 1, selfClosing ? gt - 1 : gt);
        let nameEnd = 0;
        while (nameEnd < tag.length && !isSpace(tag.charCodeAt(nameEnd))) nameEnd++;
        const name = localName(tag.slice(0, nameEnd));
        h.open(name, tag, selfClosing);
        if (selfClosing) h.close(name);
      }
      pos = gt + 1;
    }
    this.#buf = pos < n ? buf.slice(pos) : '';
  }

  /** True when input ended inside a tag (the XML was cut off). */
  get unfinished(): boolean {
    return this.#buf.trim().length > 0;
  }
}

/** Index of the `>` closing a tag that started before `from`, skipping quoted attribute values. */
function tagEnd(buf: string, from: number): number {
  let quote = 0;
  for (let i = from; i < buf.length; i++) {
    const c = buf.charCodeAt(i);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === 0x22 || c === 0x27) quote = c;
    else if (c === 0x3e) return i;
  }
  return -1;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/** Attributes of a raw start tag, by local name (so `r:id` is `id`), values decoded. */
export function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  let i = 0;
  const n = tag.length;
  while (i < n && !isSpace(tag.charCodeAt(i))) i++; // element name
  while (i < n) {
    while (i < n && isSpace(tag.charCodeAt(i))) i++;
    const nameStart = i;
    while (i < n && tag.charCodeAt(i) !== 0x3d /* = */ && !isSpace(tag.charCodeAt(i))) i++;
    const name = tag.slice(nameStart, i);
    while (i < n && tag.charCodeAt(i) !== 0x22 && tag.charCodeAt(i) !== 0x27) i++;
    const quote = tag[i];
    const valueEnd = quote ? tag.indexOf(quote, i + 1) : -1;
    if (!name || valueEnd < 0) break;
    out[localName(name)] = decodeXml(tag.slice(i + 1, valueEnd));
    i = valueEnd + 1;
  }
  return out;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes XML entities and character references. */
export function decodeXml(raw: string): string {
  if (raw.indexOf('&') < 0) return raw;
  return raw.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (whole, ref: string) => {
    if (ref[0] !== '#') return NAMED[ref];
    const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** Excel's escapes for characters XML cannot hold, `_x000D_` for a carriage return. */
export function decodeOoxmlEscapes(text: string): string {
  if (text.indexOf('_x') < 0) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

function escapeXml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;');
}
