import { mkdtemp } from 'node:fs/promises';
import { WECHAT_CAPABILITIES } from '../../../src/channels/wechat/index.js';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { PuppetMock, mock } from 'wechaty-puppet-mock';
import { createWechatChannel } from '../../../src/channels/wechat/index.js';
import { seedDemo } from '../../../src/db/seed/demo.js';
import { createInvite } from '../../../src/linking/invites.js';
import type { RunningService } from '../../../src/service.js';
import { describeEachDatabase } from '../../support/database.js';
import { startTestService, testLogger } from '../../support/service.js';

function sentTo(mocker: mock.Mocker, contact: mock.ContactMock, bot: mock.ContactMock): string[] {
  return [...mocker.cacheMessagePayload.values()]
    .filter((p) => p.talkerId === bot.id && 'listenerId' in p && p.listenerId === contact.id)
    .map((p) => p.text ?? '');
}

describeEachDatabase('WeChat end to end on the mock puppet', (db) => {
  const mocker = new mock.Mocker();
  let service: RunningService;
  let bot: mock.ContactMock;
  let person: mock.ContactMock;

  beforeAll(async () => {
    await seedDemo(db().prisma);
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'tx-wechat-e2e-'));
    service = await startTestService(db(), { WEB_CHAT_ENABLED: 'false' }, {
      channels: () => [
        createWechatChannel(
          {
            puppet: new PuppetMock({ mocker }),
            dataDir,
            verifyInviteCode: async () => true,
          },
          testLogger(),
        ),
      ],
    });
    bot = mocker.createContact({ name: '同行小助手' });
    mocker.login(bot);
    await vi.waitFor(() => expect(service.channels.get('WECHAT')?.status().state).toBe('running'), { timeout: 20_000 });
    person = mocker.createContact({ name: '小王' });
  });

  afterAll(async () => {
    await service?.stop();
  });

  it('links with a code, then every reply arrives once; a crisis gets the safe reply', async () => {
    const participant = await db().prisma.participant.findFirstOrThrow({ where: { track: 'METHADONE' } });
    const { code } = await createInvite(db().prisma, { participantId: participant.id }, { now: new Date() });
    person.say(code).to(bot);
    await vi.waitFor(() => expect(sentTo(mocker, person, bot).join('\n')).toContain('已连接，赵国华'), { timeout: 15_000 });

    person.say('我想喝农药，已经买好了').to(bot);
    await vi.waitFor(() => expect(sentTo(mocker, person, bot).join('\n')).toMatch(/你不是一个人[\s\S]*12356/), { timeout: 15_000 });
    await service.inbox.drained();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(sentTo(mocker, person, bot)).toHaveLength(2);
  });

  it('renders choices as numbers and maps a number back to the choice', async () => {
    person.say('昨天没忍住又用了一次').to(bot);
    await vi.waitFor(() => expect(sentTo(mocker, person, bot).at(-1)).toMatch(/1\. 请社工联系我\n2\. 暂时不用/), { timeout: 15_000 });
    person.say('1').to(bot);
    await vi.waitFor(() => expect(sentTo(mocker, person, bot).at(-1)).toContain('社工会尽快联系你'), { timeout: 15_000 });
    expect(await db().prisma.caseworkerTask.count({ where: { kind: 'MESSAGE' } })).toBe(1);
  });

  it('offers no more numbered choices than WeChat shows well, and the numbers still map', async () => {
    // An elevated message: the contact offer, the free-text answer's choices and the whole menu.
    person.say('这两天又碰了，心里很乱').to(bot);
    await vi.waitFor(() => expect(sentTo(mocker, person, bot).at(-1)).toMatch(/1\. 请社工联系我/), { timeout: 15_000 });
    const numbers = [...(sentTo(mocker, person, bot).at(-1) ?? '').matchAll(/^(\d+)\. /gm)].map((m) => Number(m[1]));
    expect(numbers.length).toBeGreaterThan(0);
    expect(Math.max(...numbers)).toBeLessThanOrEqual(WECHAT_CAPABILITIES.maxChoices);
  });
});
