import { Hono } from 'hono';
import { z } from 'zod';
import type { Clock } from '../../core/clock.js';
import type { PrismaClient } from '../../db/client.js';
import type { Logger } from '../../log/logger.js';
import type { ChannelAdapter, ChannelStatus, InboundSink } from '../channel.js';
import { CHAT_SCRIPT, CHAT_STYLES } from './assets.js';
import { chatPage, type DemoPerson } from './page.js';
import { browserId } from './web-identity.js';

export interface WebChatOptions {
  prisma: PrismaClient;
  clock: Clock;
  /** Offer to chat as one of the demo people (the embedded demo only). */
  demo: boolean;
  /** Cookies are Secure when the public URL is https. */
  secureCookies: boolean;
}

const PostSchema = z.union([
  z.object({ id: z.uuid(), text: z.string().min(1).max(20_000) }),
  z.object({ id: z.uuid(), choice: z.string().min(1).max(200) }),
]);

const DemoLoginSchema = z.object({ kind: z.enum(['participant', 'family']), id: z.uuid() });

const PayloadSchema = z.object({
  text: z.string(),
  choices: z.array(z.object({ label: z.string(), value: z.string() })).optional(),
});

/**
 * The web chat: a page at /chat where a person talks to the bot in a
 * browser. Replies are the outbox rows sent to this browser's identity, read
 * back by the page; sending one is therefore idempotent.
 */
export function createWebChannel(options: WebChatOptions, log: Logger): ChannelAdapter {
  let sink: InboundSink | undefined;
  let lastEventAt: string | undefined;
  // Direct answers (to browsers not linked yet, or a safe reply while the
  // database is down): kept in memory only, since they have no outbox row.
  const directNotes = new Map<string, { id: string; text: string; at: string }[]>();
  const routes = new Hono();
  const { prisma } = options;

  async function demoPeople(): Promise<DemoPerson[]> {
    if (!options.demo) return [];
    const participants = await prisma.participant.findMany({
      where: { status: 'ACTIVE' },
      include: { familyMembers: true },
      orderBy: { createdAt: 'asc' },
      take: 10,
    });
    return participants.flatMap((p) => [
      { id: p.id, kind: 'participant' as const, label: `${p.displayName}（${p.track}）` },
      ...p.familyMembers.map((f) => ({ id: f.id, kind: 'family' as const, label: `${f.displayName}（${p.displayName}的${f.relation}）` })),
    ]);
  }

  routes.get('/chat', async (c) => c.html(chatPage(await demoPeople())));
  routes.get('/chat/app.js', (c) => c.body(CHAT_SCRIPT, 200, { 'content-type': 'text/javascript; charset=utf-8' }));
  routes.get('/chat/app.css', (c) => c.body(CHAT_STYLES, 200, { 'content-type': 'text/css; charset=utf-8' }));

  routes.post('/chat/api/messages', async (c) => {
    const parsed = PostSchema.safeParse(await c.req.json().catch(() => undefined));
    if (!parsed.success) return c.json({ error: { code: 'invalid', message: 'expected {id, text} or {id, choice}' } }, 400);
    if (!sink) return c.json({ error: { code: 'unavailable', message: 'not started' } }, 503);
    const id = browserId(c, options.secureCookies);
    const body = parsed.data;
    const now = options.clock.now().toISOString();
    try {
      const result = await sink.accept({
        channel: 'WEB',
        eventKey: `${id}:${body.id}`,
        externalUserId: id,
        chatId: id,
        sentAt: now,
        ...('text' in body ? { kind: 'text' as const, text: body.text } : { kind: 'choice' as const, choice: body.choice }),
      });
      lastEventAt = now;
      return c.json({ status: result }, 202);
    } catch (error) {
      log.error({ err: error }, 'web chat message could not be stored');
      return c.json({ error: { code: 'unavailable', message: 'try again' } }, 503);
    }
  });

  routes.get('/chat/api/messages', async (c) => {
    const id = browserId(c, options.secureCookies);
    const afterParam = c.req.query('after');
    const after = afterParam ? new Date(afterParam) : new Date(0);
    const identity = await prisma.channelIdentity.findUnique({ where: { channel_externalId: { channel: 'WEB', externalId: id } } });
    const notes = directNotes.get(id) ?? [];
    directNotes.delete(id);
    if (!identity) return c.json({ linked: false, messages: notes });
    const rows = await prisma.outboxMessage.findMany({
      where: { identityId: identity.id, status: 'SENT', sentAt: { gt: Number.isNaN(after.getTime()) ? new Date(0) : after } },
      orderBy: [{ sentAt: 'asc' }, { createdAt: 'asc' }],
      take: 100,
    });
    const messages = rows.flatMap((row) => {
      const payload = PayloadSchema.safeParse(row.payload);
      return payload.success ? [{ id: row.id, text: payload.data.text, choices: payload.data.choices, at: row.sentAt?.toISOString() }] : [];
    });
    return c.json({ linked: true, messages: [...notes, ...messages] });
  });

  routes.post('/chat/api/demo-login', async (c) => {
    if (!options.demo) return c.json({ error: { code: 'not_found', message: 'not found' } }, 404);
    const parsed = DemoLoginSchema.safeParse(await c.req.json().catch(() => undefined));
    if (!parsed.success) return c.json({ error: { code: 'invalid', message: 'expected {kind, id}' } }, 400);
    const id = browserId(c, options.secureCookies);
    const owner =
      parsed.data.kind === 'participant'
        ? { participantId: parsed.data.id, familyMemberId: null }
        : { participantId: null, familyMemberId: parsed.data.id };
    const exists =
      parsed.data.kind === 'participant'
        ? await prisma.participant.count({ where: { id: parsed.data.id } })
        : await prisma.familyMember.count({ where: { id: parsed.data.id } });
    if (!exists) return c.json({ error: { code: 'not_found', message: 'no such demo person' } }, 404);
    await prisma.channelIdentity.upsert({
      where: { channel_externalId: { channel: 'WEB', externalId: id } },
      create: { channel: 'WEB', externalId: id, chatId: id, staffUserId: null, ...owner },
      update: { ...owner, staffUserId: null, optedOutAt: null, reachable: true },
    });
    return c.json({ status: 'linked' });
  });

  return {
    channel: 'WEB',
    capabilities: {
      choices: 'buttons',
      maxChoices: 12,
      maxChoiceLabelLength: 40,
      maxTextLength: 10_000,
      phoneLinks: true,
      idempotentSends: true,
    },
    routes,
    async start(inbound) {
      sink = inbound;
    },
    async stop() {
      sink = undefined;
    },
    // The page reads sent outbox rows back; only direct sends need keeping here.
    async send(target, message) {
      if (target.direct) {
        const notes = directNotes.get(target.chatId) ?? [];
        notes.push({ id: target.idempotencyKey, text: message.text, at: options.clock.now().toISOString() });
        directNotes.set(target.chatId, notes.slice(-5));
        if (directNotes.size > 10_000) directNotes.clear();
      }
      return { ok: true, platformMessageIds: [target.idempotencyKey] };
    },
    status(): ChannelStatus {
      return { channel: 'WEB', state: sink ? 'running' : 'stopped', ...(lastEventAt ? { lastEventAt } : {}) };
    },
  };
}
