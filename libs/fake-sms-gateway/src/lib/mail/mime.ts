/**
 * Just enough MIME for the fake mail server's inbox: headers (folded, RFC 2047 words), nested
 * multipart bodies, quoted-printable and base64, UTF-8. Not a general parser: it reads what
 * nodemailer writes.
 */
export interface ParsedMail {
  headers: Record<string, string>;
  subject: string;
  text: string;
  html: string;
}

interface Part {
  headers: Record<string, string>;
  body: string;
}

function decodeWords(value: string): string {
  return value.replace(/=\?([^?]+)\?([bqBQ])\?([^?]*)\?=\s*(?==\?)?/g, (_m, _charset: string, enc: string, text: string) =>
    enc.toUpperCase() === 'B'
      ? Buffer.from(text, 'base64').toString('utf8')
      : Buffer.from(decodeQpBytes(text.replace(/_/g, ' ')), 'latin1').toString('utf8'),
  );
}

function decodeQpBytes(s: string): string {
  return s.replace(/=([0-9A-Fa-f]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
}

function splitPart(raw: string): Part {
  const at = raw.search(/\r?\n\r?\n/);
  const head = at < 0 ? raw : raw.slice(0, at);
  const body = at < 0 ? '' : raw.slice(at).replace(/^\r?\n\r?\n/, '');
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { headers, body };
}

function decodeBody(part: Part): string {
  const enc = (part.headers['content-transfer-encoding'] ?? '7bit').toLowerCase();
  if (enc === 'base64') return Buffer.from(part.body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (enc === 'quoted-printable') return Buffer.from(decodeQpBytes(part.body.replace(/=\r?\n/g, '')), 'latin1').toString('utf8');
  return part.body;
}

function walk(part: Part, out: { text: string; html: string }): void {
  const type = part.headers['content-type'] ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (/^multipart\//i.test(type) && boundary) {
    const sections = part.body.split(`--${boundary}`).slice(1);
    for (const section of sections) {
      if (section.startsWith('--')) break;
      walk(splitPart(section.replace(/^\r?\n/, '')), out);
    }
    return;
  }
  if (/^text\/html/i.test(type)) out.html ||= decodeBody(part).replace(/\r?\n$/, '');
  else if (/^text\/plain/i.test(type)) out.text ||= decodeBody(part).replace(/\r?\n$/, '');
}

export function parseMail(raw: string): ParsedMail {
  const top = splitPart(raw);
  const out = { text: '', html: '' };
  walk(top, out);
  return { headers: top.headers, subject: decodeWords(top.headers['subject'] ?? ''), text: out.text.replace(/\r\n/g, '\n'), html: out.html };
}
