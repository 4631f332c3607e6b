// Parses request bodies the way the platforms do: JSON, urlencoded forms and
// multipart/form-data (telegraf's own multipart writer, which omits the space
// after "content-disposition:", as well as fetch's FormData).

export interface UploadedFile {
  filename: string;
  contentType: string | undefined;
  size: number;
  content: Buffer;
}

export type ParsedBody =
  | { kind: 'empty' }
  | { kind: 'json'; value: unknown }
  | { kind: 'invalid-json'; text: string; error: string }
  | { kind: 'form'; fields: Record<string, string> }
  | { kind: 'multipart'; fields: Record<string, string>; files: Record<string, UploadedFile> }
  | { kind: 'text'; text: string };

export function parseBody(contentType: string | undefined, raw: Buffer): ParsedBody {
  if (raw.length === 0) return { kind: 'empty' };
  const type = (contentType ?? '').toLowerCase();
  if (type.includes('multipart/form-data')) {
    const boundary = /boundary="?([^";]+)"?/i.exec(contentType ?? '')?.[1];
    if (boundary !== undefined) return parseMultipart(raw, boundary);
  }
  const text = raw.toString('utf8');
  if (type.includes('application/x-www-form-urlencoded')) {
    return { kind: 'form', fields: Object.fromEntries(new URLSearchParams(text)) };
  }
  if (type.includes('json') || type === '') {
    try {
      return { kind: 'json', value: JSON.parse(text) as unknown };
    } catch (error) {
      if (type === '') return { kind: 'text', text };
      return { kind: 'invalid-json', text, error: error instanceof Error ? error.message : String(error) };
    }
  }
  return { kind: 'text', text };
}

function parseMultipart(raw: Buffer, boundary: string): ParsedBody {
  const fields: Record<string, string> = {};
  const files: Record<string, UploadedFile> = {};
  // latin1 maps bytes 1:1 to chars, so binary parts survive the string split.
  const parts = raw.toString('latin1').split(`--${boundary}`);
  for (const part of parts.slice(1)) {
    if (part.startsWith('--')) break;
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd === -1) continue;
    const headers = part.slice(0, headerEnd).replace(/^\r\n/, '');
    const body = Buffer.from(part.slice(headerEnd + 4).replace(/\r\n$/, ''), 'latin1');
    const disposition = headerValue(headers, 'content-disposition') ?? '';
    const name = /name="([^"]*)"/i.exec(disposition)?.[1];
    if (name === undefined) continue;
    const filename = /filename="([^"]*)"/i.exec(disposition)?.[1];
    if (filename === undefined) {
      fields[name] = body.toString('utf8');
    } else {
      files[name] = { filename, contentType: headerValue(headers, 'content-type'), size: body.length, content: body };
    }
  }
  return { kind: 'multipart', fields, files };
}

function headerValue(headers: string, name: string): string | undefined {
  for (const line of headers.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0 && line.slice(0, colon).trim().toLowerCase() === name) return line.slice(colon + 1).trim();
  }
  return undefined;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
