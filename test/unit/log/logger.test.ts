import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, scrubSecrets } from '../../../src/log/logger.js';

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { log: createLogger({ level: 'debug', destination }), output: () => lines.join('') };
}

const SECRETS = {
  text: '我今晚想结束一切',
  name: '王小军',
  phone: '13812345678',
  code: 'K7P-2QX9',
  token: '123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw',
};

describe('logger redaction', () => {
  it('removes message text, names, phone numbers, invite codes and tokens at any depth', () => {
    const { log, output } = capture();
    log.info(SECRETS, 'top level');
    log.info({ message: { ...SECRETS, chatId: 42 } }, 'one deep');
    log.info({ event: { sender: { displayName: SECRETS.name, phone: SECRETS.phone } } }, 'two deep');
    const written = output();
    for (const secret of Object.values(SECRETS)) expect(written).not.toContain(secret);
    expect(written).toContain('[redacted]');
    expect(written).toContain('"chatId":42');
  });

  it('scrubs secrets that libraries put into error messages', () => {
    const { log, output } = capture();
    const error = new Error(
      `request to https://api.telegram.org/bot${SECRETS.token}/sendMessage failed; postgresql://tx:hunter2@db/tx; call ${SECRETS.phone}`,
    );
    log.error({ err: error }, 'send failed');
    const written = output();
    expect(written).not.toContain(SECRETS.token);
    expect(written).not.toContain('hunter2');
    expect(written).not.toContain(SECRETS.phone);
    expect(written).toContain('send failed');
  });

  it('keeps safe fields', () => {
    expect(scrubSecrets('escalation 42 acknowledged')).toBe('escalation 42 acknowledged');
  });
});
