/**
 * A GeoJSON Feature (or bare geometry) whose geometry is a Point of two coordinates, read from its text without
 * JSON.parse: parsing built an object tree per feature, and parsing and collecting those trees were most of the cost
 * of a million-point GeoJSON file. The whole text is checked against JSON's grammar while only the type, the ids and
 * the geometry are kept. Anything not read here (an escape in a member name or in a type or id, a number as a
 * coordinate that is not plain decimals, nesting deeper than maxDepth) gives undefined, and the caller parses that
 * text with JSON.parse as before, so that a text read here is read as JSON.parse would read it: the last of repeated
 * members wins, as there. A feature laid out as the one before it is compared with that one's text instead (Skeleton).
 */
import { exactDecimal } from './exact-decimal.ts';

/**
 * What a plain point feature holds for the screen command: its id (undefined: none, so its number) and point, and
 * where its text ends (the index after its closing brace).
 */
export interface PlainFeature {
  id: string | undefined;
  x: number;
  y: number;
  end: number;
}

const maxDepth = 64;
const quote = 34;
const backslash = 92;

/** The character at `index`, or -1 at or past `end`: a feature is read within its range of a longer text, never past it. */
const codeAt = (text: string, index: number, end: number) => (index < end ? text.charCodeAt(index) : -1);

/** Index after the JSON string starting at `at` (a quote), or -1; `found.escapes` tells whether it held any. */
function stringEnd(text: string, at: number, end: number, found: { escapes: boolean }): number {
  found.escapes = false;
  for (let index = at + 1; index < end; index++) {
    const code = codeAt(text, index, end);
    if (code === quote) return index + 1;
    if (code < 32) return -1;
    if (code !== backslash) continue;
    found.escapes = true;
    const next = codeAt(text, ++index, end);
    if (next === 117) {
      for (let digit = 1; digit <= 4; digit++) if (!isHex(codeAt(text, index + digit, end))) return -1;
      index += 4;
    } else if (
      !(next === quote || next === backslash || next === 47 || next === 98 || next === 102 || next === 110 || next === 114 || next === 116)
    ) {
      return -1;
    }
  }
  return -1;
}

const isHex = (code: number) => (code >= 48 && code <= 57) || (code >= 65 && code <= 70) || (code >= 97 && code <= 102);
const isDigit = (code: number) => code >= 48 && code <= 57;

/** Index after the JSON number starting at `at`, or -1; `found.plain` tells whether it has no exponent. */
function numberEnd(text: string, at: number, end: number, found: { plain: boolean }): number {
  let index = at;
  if (codeAt(text, index, end) === 45) index++;
  const first = codeAt(text, index, end);
  if (first === 48) index++;
  else if (first >= 49 && first <= 57) while (index < end && isDigit(codeAt(text, index, end))) index++;
  else return -1;
  if (codeAt(text, index, end) === 46) {
    if (!isDigit(codeAt(text, ++index, end))) return -1;
    while (index < end && isDigit(codeAt(text, index, end))) index++;
  }
  found.plain = true;
  const exponent = codeAt(text, index, end);
  if (exponent === 101 || exponent === 69) {
    found.plain = false;
    const sign = codeAt(text, ++index, end);
    if (sign === 43 || sign === 45) index++;
    if (!isDigit(codeAt(text, index, end))) return -1;
    while (index < end && isDigit(codeAt(text, index, end))) index++;
  }
  return index;
}

/** A member's value as the feature keeps it: its kind and, for a string or number, its text. */
type Kind = 'absent' | 'string' | 'number' | 'null' | 'object' | 'array' | 'other';

/** The types a feature's reading tells apart: any other (or none, or one with an escape), Feature and Point. */
const otherType = 0;
const featureType = 1;
const pointType = 2;

/** Which object's members are being read: any other, the feature's own, its geometry's, or its properties'. */
const anyObject = 0;
const featureObject = 1;
const geometryObject = 2;
const propertiesObject = 3;

/**
 * Plain decimals (the JSON grammar checked, no exponent) from text, as exactDecimal gives them, else through Number().
 */
function plainNumber(text: string, from: number, to: number): number {
  let at = from;
  const negative = text.charCodeAt(at) === 45;
  if (negative) at++;
  let digits = 0;
  let decimals = -1;
  for (; at < to; at++) {
    const code = text.charCodeAt(at);
    if (code === 46) decimals = 0;
    else {
      digits = digits * 10 + code - 48;
      if (decimals >= 0) decimals++;
    }
  }
  const value = exactDecimal(digits, Math.max(0, decimals), negative);
  return Number.isNaN(value) ? Number(text.slice(from, to)) : value;
}

/** The scan of one text: one scanner, reused from text to text, with no closure or state object made per feature. */
class Scanner {
  text = '';
  end = 0;
  at = 0;
  /** The last value read: its kind, and for a string or number where its text lies (quotes excluded). */
  kind: Kind = 'absent';
  from = 0;
  to = 0;
  /** The last string read had an escape; the last number had no exponent. */
  escapes = false;
  plain = true;
  /** What the feature's members said, the last of each repeated one winning. */
  type = otherType;
  geometryType = otherType;
  id: Kind = 'absent';
  idText = '';
  propertiesId: Kind = 'absent';
  propertiesIdText = '';
  /** Where the values the feature keeps lie in the text (a string's without its quotes), for its Skeleton. */
  idFrom = 0;
  idTo = 0;
  propertiesIdFrom = 0;
  propertiesIdTo = 0;
  xFrom = 0;
  xTo = 0;
  yFrom = 0;
  yTo = 0;
  /** The geometry's two coordinates (count 2) and a bare geometry's. */
  x = 0;
  y = 0;
  count = -1;
  bareX = 0;
  bareY = 0;
  bareCount = -1;

  reset(text: string, from: number, to: number): void {
    this.text = text;
    this.end = to;
    this.at = from;
    this.type = otherType;
    this.geometryType = otherType;
    this.id = 'absent';
    this.propertiesId = 'absent';
    this.count = -1;
    this.bareCount = -1;
  }

  space(): void {
    const { text, end } = this;
    while (this.at < end) {
      const code = text.charCodeAt(this.at);
      if (code !== 32 && code !== 10 && code !== 13 && code !== 9) return;
      this.at++;
    }
  }

  /** Reads the character `code` after any space; false when another comes. */
  take(code: number): boolean {
    this.space();
    if (codeAt(this.text, this.at, this.end) !== code) return false;
    this.at++;
    return true;
  }

  /** Whether the last string read is `name`, with no escape. */
  is(name: string): boolean {
    return this.to - this.from === name.length && this.text.startsWith(name, this.from);
  }

  /** Reads a string; false when none is there. */
  string(): boolean {
    if (codeAt(this.text, this.at, this.end) !== quote) return false;
    const after = stringEnd(this.text, this.at, this.end, this);
    if (after < 0) return false;
    this.kind = 'string';
    this.from = this.at + 1;
    this.to = after - 1;
    this.at = after;
    return true;
  }

  /** Reads any value; false when the text is not JSON there (or nests too deep to follow). `members`: whose they are. */
  value(depth: number, members = anyObject): boolean {
    this.space();
    const { text } = this;
    const code = codeAt(text, this.at, this.end);
    if (code === quote) return this.string();
    if (code === 123) return this.object(depth, members);
    if (code === 91) return this.array(depth);
    if (code === 45 || isDigit(code)) {
      const after = numberEnd(text, this.at, this.end, this);
      if (after < 0) return false;
      this.kind = 'number';
      this.from = this.at;
      this.to = after;
      this.at = after;
      return true;
    }
    const word = code === 116 ? 'true' : code === 102 ? 'false' : code === 110 ? 'null' : '';
    if (word === '' || this.at + word.length > this.end || !text.startsWith(word, this.at)) return false;
    this.kind = code === 110 ? 'null' : 'other';
    this.at += word.length;
    return true;
  }

  private object(depth: number, members: number): boolean {
    if (depth >= maxDepth) return false;
    this.at++;
    if (this.take(125)) return this.done('object');
    do {
      this.space();
      if (!this.string() || this.escapes || !this.take(58)) return false;
      if (!this.member(depth, members)) return false;
    } while (this.take(44));
    return this.take(125) && this.done('object');
  }

  /** A member's value, its name just read, kept where it is one the feature needs. */
  private member(depth: number, members: number): boolean {
    if (members === featureObject) {
      if (this.is('geometry')) {
        this.geometryType = otherType;
        this.count = -1;
        return this.value(depth + 1, geometryObject);
      }
      if (this.is('properties')) {
        this.propertiesId = 'absent';
        return this.value(depth + 1, propertiesObject);
      }
      if (this.is('coordinates')) return this.coordinates(depth + 1, true);
      const type = this.is('type');
      const id = !type && this.is('id');
      if (!this.value(depth + 1)) return false;
      if (type) this.type = this.typeRead();
      else if (id) this.id = this.idValue(false);
      return true;
    }
    if (members === geometryObject) {
      if (this.is('coordinates')) return this.coordinates(depth + 1, false);
      const type = this.is('type');
      if (!this.value(depth + 1)) return false;
      if (type) this.geometryType = this.typeRead();
      return true;
    }
    const id = members === propertiesObject && this.is('id');
    if (!this.value(depth + 1)) return false;
    if (id) this.propertiesId = this.idValue(true);
    return true;
  }

  /** The type just read (a value of a `type` member), compared in place: no string is cut for it. */
  private typeRead(): number {
    if (this.kind !== 'string' || this.escapes) return otherType;
    return this.is('Feature') ? featureType : this.is('Point') ? pointType : otherType;
  }

  /** The kind of an id just read, its text kept: a string without escapes or a number as String() writes it. */
  private idValue(properties: boolean): Kind {
    const text =
      this.kind === 'number'
        ? String(Number(this.text.slice(this.from, this.to)))
        : this.kind === 'string'
          ? this.text.slice(this.from, this.to)
          : '';
    if (properties) {
      this.propertiesIdText = text;
      this.propertiesIdFrom = this.from;
      this.propertiesIdTo = this.to;
    } else {
      this.idText = text;
      this.idFrom = this.from;
      this.idTo = this.to;
    }
    return this.kind === 'string' && this.escapes ? 'other' : this.kind;
  }

  /** A Point's coordinates read as they come: exactly two plain numbers make a plain point, anything else does not. */
  private coordinates(depth: number, bare: boolean): boolean {
    if (bare) this.bareCount = -1;
    else this.count = -1;
    this.space();
    if (codeAt(this.text, this.at, this.end) !== 91) return this.value(depth);
    this.at++;
    let count = 0;
    let plain = true;
    let x = 0;
    let y = 0;
    let xFrom = 0;
    let xTo = 0;
    let yFrom = 0;
    let yTo = 0;
    if (!this.take(93)) {
      do {
        if (!this.value(depth + 1)) return false;
        if (this.kind !== 'number' || !this.plain) plain = false;
        else if (count === 0) {
          x = plainNumber(this.text, this.from, this.to);
          xFrom = this.from;
          xTo = this.to;
        } else if (count === 1) {
          y = plainNumber(this.text, this.from, this.to);
          yFrom = this.from;
          yTo = this.to;
        }
        count++;
      } while (this.take(44));
      if (!this.take(93)) return false;
    }
    if (plain && count === 2 && bare) {
      this.bareX = x;
      this.bareY = y;
      this.bareCount = 2;
    } else if (plain && count === 2) {
      this.x = x;
      this.y = y;
      this.count = 2;
      this.xFrom = xFrom;
      this.xTo = xTo;
      this.yFrom = yFrom;
      this.yTo = yTo;
    }
    return this.done('array');
  }

  private array(depth: number): boolean {
    if (depth >= maxDepth) return false;
    this.at++;
    if (this.take(93)) return this.done('array');
    do if (!this.value(depth + 1)) return false;
    while (this.take(44));
    return this.take(93) && this.done('array');
  }

  private done(kind: Kind): true {
    this.kind = kind;
    return true;
  }
}

const scanner = new Scanner();

/** What a Skeleton's value is: the id as a string (its text between quotes) or a number, or a coordinate. */
const idString = 0;
const idNumber = 1;
const xValue = 2;
const yValue = 3;

/**
 * A Feature's text with its id (where it has one) and coordinates taken out: the texts around them (`literals`, one
 * more than `values`) and what each value is, in the order they come. Files written by one program repeat one layout feature after
 * feature; a text that is the skeleton's literals with a string (no escape, no control character) and plain
 * numbers between them is JSON just as the text it was taken from, with the same members, so it reads the same, and
 * is read by comparing the literals instead of scanning every character. Reading and parsing a million points alone
 * (tests/bench/cli-floor.ts, 3 runs each, alternately, medians): GeoJSON Lines 0.77 s against 1.59 s, GeoJSON 0.80 s
 * against 1.52 s; the screen command on them, CSV report, 2.25-2.31 s, x1.22-1.25 of the same points as CSV.
 */
interface Skeleton {
  literals: string[];
  values: number[];
}

let skeleton: Skeleton | undefined;

/**
 * Features in a row that the skeleton did not read. From missesBeforeRest on, it is neither tried nor taken again
 * until restFeatures more have been read: where every feature is laid out its own way (a name in its properties),
 * trying and taking one per feature made reading 40 % slower (300,000 such points: 0.86 s against 0.60 s without
 * skeletons); resting, it reads them as fast as without (0.63-0.67 s against 0.63-0.71 s, 3 runs each, alternately).
 */
let misses = 0;
const missesBeforeRest = 8;
const restFeatures = 4096;

/** The skeleton of the Feature the scanner has just read from `from` on; `own`, `kind`: which id it kept, and what. */
function skeletonOf(text: string, from: number, own: boolean, kind: Kind): Skeleton {
  const ranges: [from: number, to: number, value: number][] = [
    [scanner.xFrom, scanner.xTo, xValue],
    [scanner.yFrom, scanner.yTo, yValue],
  ];
  if (kind === 'string' || kind === 'number') {
    const value = kind === 'string' ? idString : idNumber;
    ranges.push(own ? [scanner.idFrom, scanner.idTo, value] : [scanner.propertiesIdFrom, scanner.propertiesIdTo, value]);
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const literals: string[] = [];
  let at = from;
  for (const [start, end] of ranges) {
    literals.push(text.slice(at, start));
    at = end;
  }
  literals.push(text.slice(at, scanner.at));
  return { literals, values: ranges.map((range) => range[2]) };
}

/** What numberEnd found of the last id a skeleton read, and coordinateEnd the value of its last coordinate. */
const numberFound = { plain: true };
const coordinate = { value: 0 };

/**
 * numberEnd and plainNumber in one pass, for a coordinate read through a skeleton: the index after the plain decimal
 * (JSON's grammar, no exponent) at `at`, else -1; `found.value` is plainNumber's, its digits gathered as they are
 * checked. Read twice, a coordinate's digits had been 8 % of the reading of a million-point GeoJSON file in a profile.
 */
function coordinateEnd(text: string, at: number, end: number, found: { value: number }): number {
  let index = at;
  const negative = codeAt(text, index, end) === 45;
  if (negative) index++;
  let digits = 0;
  let decimals = 0;
  let code = codeAt(text, index, end);
  if (code === 48) code = codeAt(text, ++index, end);
  else if (code >= 49 && code <= 57) {
    for (; code >= 48 && code <= 57; code = codeAt(text, ++index, end)) digits = digits * 10 + code - 48;
  } else return -1;
  if (code === 46) {
    code = codeAt(text, ++index, end);
    if (!isDigit(code)) return -1;
    for (; code >= 48 && code <= 57; code = codeAt(text, ++index, end), decimals++) digits = digits * 10 + code - 48;
  }
  // An exponent is JSON, but not read here: the caller reads the feature in full.
  if (code === 101 || code === 69) return -1;
  const value = exactDecimal(digits, decimals, negative);
  found.value = Number.isNaN(value) ? Number(text.slice(at, index)) : value;
  return index;
}

/**
 * Whether `literal` is at `at` of `text`, before `end`. A long one is compared as a whole string, which V8 does in
 * native code (about half the time of a loop over 37 characters here); a short one character by character.
 */
function literalAt(text: string, at: number, end: number, literal: string): boolean {
  const length = literal.length;
  if (at + length > end) return false;
  if (length >= 16) return text.slice(at, at + length) === literal;
  for (let n = 0; n < length; n++) if (text.charCodeAt(at + n) !== literal.charCodeAt(n)) return false;
  return true;
}

/** The feature starting at `at` (no space before it) read through the skeleton, or undefined where it differs. */
function throughSkeleton({ literals, values }: Skeleton, text: string, at: number, end: number): PlainFeature | undefined {
  let id: string | undefined;
  let x = 0;
  let y = 0;
  for (let k = 0; k < values.length; k++) {
    const literal = literals[k] as string;
    if (!literalAt(text, at, end, literal)) return undefined;
    at += literal.length;
    const value = values[k];
    if (value === idString) {
      const start = at;
      for (let code = codeAt(text, at, end); code !== quote; code = codeAt(text, ++at, end))
        if (code < 32 || code === backslash) return undefined;
      id = text.slice(start, at);
      continue;
    }
    if (value === idNumber) {
      const after = numberEnd(text, at, end, numberFound);
      if (after < 0) return undefined;
      id = String(Number(text.slice(at, after)));
      at = after;
      continue;
    }
    const after = coordinateEnd(text, at, end, coordinate);
    if (after < 0) return undefined;
    if (value === xValue) x = coordinate.value;
    else y = coordinate.value;
    at = after;
  }
  const last = literals[values.length] as string;
  if (!literalAt(text, at, end, last)) return undefined;
  return { id, x, y, end: at + last.length };
}

/**
 * The Point and ids of the object that starts at `from` of `text` (with only white space before it) and ends by
 * `end`, or undefined when it is not a Feature or geometry with a Point of two plain numbers, or holds anything not
 * read here. The id is the Feature's `id`, else (when that is absent or null) its properties' `id`, when a string or
 * a number; undefined otherwise, and for a bare geometry.
 */
export function plainFeatureAt(text: string, from: number, end: number): PlainFeature | undefined {
  scanner.reset(text, from, end);
  scanner.space();
  const start = scanner.at;
  const trying = misses < missesBeforeRest;
  const known = trying && skeleton ? throughSkeleton(skeleton, text, start, end) : undefined;
  if (known) {
    misses = 0;
    return known;
  }
  misses = trying ? misses + 1 : misses + 1 === missesBeforeRest + restFeatures ? 0 : misses + 1;
  if (codeAt(text, start, end) !== 123 || !scanner.value(0, featureObject)) return undefined;
  const { type, at } = scanner;
  if (type === pointType) return scanner.bareCount === 2 ? { id: undefined, x: scanner.bareX, y: scanner.bareY, end: at } : undefined;
  if (type !== featureType || scanner.geometryType !== pointType || scanner.count !== 2) return undefined;
  // As idOf(): the Feature's id unless absent or null, then the properties' id; a string or a number only.
  const own = scanner.id !== 'absent' && scanner.id !== 'null';
  const kind = own ? scanner.id : scanner.propertiesId;
  if (kind === 'other') return undefined;
  if (trying) skeleton = skeletonOf(text, start, own, kind);
  const id = kind === 'string' || kind === 'number' ? (own ? scanner.idText : scanner.propertiesIdText) : undefined;
  return { id, x: scanner.x, y: scanner.y, end: at };
}

/** plainFeatureAt for characters `from` to `to` of `text` (the whole text by default), which hold nothing else. */
export function plainFeature(text: string, from = 0, to = text.length): PlainFeature | undefined {
  const feature = plainFeatureAt(text, from, to);
  if (!feature) return undefined;
  let at = feature.end;
  for (let code = codeAt(text, at, to); code === 32 || code === 10 || code === 13 || code === 9; code = codeAt(text, ++at, to));
  return at === to ? feature : undefined;
}
