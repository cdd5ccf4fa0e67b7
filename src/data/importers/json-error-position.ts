/**
 * Where a JSON text first goes wrong, as a character offset. JSON.parse's messages carry no
 * position in V8 (Chrome, Node 20: `Unexpected token '}', ..." is not valid JSON`), yet the user
 * needs a line and column to find the fault, so the text is scanned again by this small
 * validator, only after JSON.parse has failed.
 */

/** Offset of the first syntax error in `text`, or `text.length` when the text ends too early; -1 if valid. */
export function jsonErrorOffset(text: string): number {
  let i = 0;
  const n = text.length;
  class Fail {
    constructor(readonly at: number) {}
  }
  const ws = () => {
    while (i < n && (text[i] === ' ' || text[i] === '\n' || text[i] === '\r' || text[i] === '\t')) i++;
  };
  const expect = (ok: boolean) => {
    if (!ok) throw new Fail(i);
  };
  const string = () => {
    i++; // opening quote
    while (i < n && text[i] !== '"') {
      const c = text.charCodeAt(i);
      expect(c >= 0x20);
      if (text[i] === '\\') {
        i++;
        if (text[i] === 'u') {
          for (let k = 1; k <= 4; k++) {
            i++;
            expect(/[0-9a-fA-F]/.test(text[i] ?? ''));
          }
          i++;
        } else {
          expect(i < n && '"\\/bfnrt'.includes(text[i]));
          i++;
        }
      } else i++;
    }
    expect(i < n);
    i++;
  };
  const number = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?/.exec(text.slice(i, i + 400));
    expect(m !== null && m[0].length > 0);
    i += m![0].length;
  };
  const value = (depth: number): void => {
    expect(depth < 10000);
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        expect(text[i] === '"');
        string();
        ws();
        expect(text[i] === ':');
        i++;
        value(depth + 1);
        ws();
        if (text[i] === ',') i++;
        else {
          expect(text[i] === '}');
          i++;
          return;
        }
      }
    } else if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        value(depth + 1);
        ws();
        if (text[i] === ',') i++;
        else {
          expect(text[i] === ']');
          i++;
          return;
        }
      }
    } else if (c === '"') string();
    else if (c === '-' || (c >= '0' && c <= '9')) number();
    else {
      const word = ['true', 'false', 'null'].find((w) => text.startsWith(w, i));
      expect(word !== undefined);
      i += word!.length;
    }
  };
  try {
    value(0);
    ws();
    expect(i === n);
    return -1;
  } catch (error) {
    if (error instanceof Fail) return Math.min(error.at, n);
    throw error;
  }
}
