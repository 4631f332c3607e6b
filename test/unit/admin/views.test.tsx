import { describe, expect, it } from 'vitest';
import { translator } from '../../../src/admin/i18n/index.js';
import { QueueList } from '../../../src/admin/escalations/views/queue-list.js';
import { LoginPage } from '../../../src/admin/views/login-page.js';
import type { QueueRow } from '../../../src/admin/escalations/queue-query.js';

const row = (over: Partial<QueueRow> = {}): QueueRow => ({
  id: 'e1',
  number: 7,
  level: 4,
  status: 'OPEN',
  categories: ['overdose', 'suicide'],
  participantId: 'p1',
  pseudonym: 'P-ABCDE',
  stationName: '站',
  timezone: 'Asia/Shanghai',
  openedAt: new Date('2026-01-01T00:00:00Z'),
  ackDeadline: new Date('2026-01-01T00:05:00Z'),
  resolvedAt: null,
  outcome: null,
  assignedTo: null,
  mine: true,
  latest: { at: '2026-01-01T00:00:00Z', reporter: 'participant', level: 4, text: '"><img src=x onerror=alert(1)>' },
  ...over,
});

describe('server-rendered views', () => {
  it('escape text and attributes, and carry no inline script or style', async () => {
    const html = String(await (<QueueList t={translator('en')} rows={[row()]} now={new Date('2026-01-01T00:01:00Z')} showStation={false} />));
    expect(html).not.toContain('<img');
    expect(html).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('4 min left to acknowledge');
    expect(html).toContain('overdose · suicide');
    expect(html).not.toMatch(/\sstyle=|<script/);
  });

  it('the login page loads only served files', async () => {
    const html = String(await (<LoginPage t={translator('zh-CN')} locale="zh-CN" formToken="f" next="/admin/escalations" />));
    expect(html).toContain('<link rel="stylesheet" href="/admin/assets/console.css"/>');
    expect(html).not.toMatch(/<script(?![^>]*\ssrc=)/);
    expect(html).not.toMatch(/\sstyle=/);
    expect(html).toContain('autocomplete="current-password"');
  });
});
