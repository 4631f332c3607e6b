import { Hono, type Context } from 'hono';
import type { ContentEntry } from '../../generated/prisma/client.js';
import { DEFAULT_LOCALE } from '../../i18n/index.js';
import { scopeFor } from '../access/scope.js';
import type { AdminDeps } from '../deps.js';
import type { ConsoleEnv } from '../http/env.js';
import { renderPage } from '../http/render.js';
import { problemPage } from '../views/problem-page.js';
import { changeContent, createContent, type ContentResult } from './actions.js';
import { contentRights, entryAccess, type ContentRights } from './access.js';
import { ContentFields, ContentIdentity } from './forms.js';
import { contentError, contentNotice } from './labels.js';
import { findReadableEntry, listContent, parseContentFilters } from './queries.js';
import { EntryPage, type EntryDraft } from './views/entry-page.js';
import { ContentListPage } from './views/list-page.js';

function draftOf(entry: ContentEntry): EntryDraft {
  const { id, kind, key, locale, scope, title, body, phone, hours, tags, sortOrder, verifyBeforeLaunch, active } = entry;
  return { id, kind, key, locale, scope, title, body, phone, hours, tags, sortOrder, verifyBeforeLaunch, active };
}

function blankDraft(scope: string): EntryDraft {
  return { kind: 'HOTLINE', key: '', locale: DEFAULT_LOCALE, scope, title: '', body: '', phone: null, hours: null, tags: [], sortOrder: 0, verifyBeforeLaunch: true, active: true };
}

/** Hotlines, relief guides, FAQs and family guides: list, create, edit, retire. */
export function contentRoutes(deps: AdminDeps): Hono<ConsoleEnv> {
  const app = new Hono<ConsoleEnv>();
  const { prisma } = deps.db;

  const stationsFor = (c: Context<ConsoleEnv>) =>
    prisma.station.findMany({ where: scopeFor(c.get('session').staff).stations, select: { id: true, name: true }, orderBy: { name: 'asc' } });

  function afterResult(c: Context<ConsoleEnv>, result: ContentResult, done: string, back: string): Response | Promise<Response> {
    if (result.ok) return c.redirect(`/admin/content/${result.id}?done=${done}`, 303);
    if (result.reason === 'not-found') return problemPage(c, 404);
    if (result.reason === 'forbidden') return problemPage(c, 403);
    return c.redirect(`${back}?error=${result.reason}`, 303);
  }

  app.get('/content', async (c) => {
    const { staff, csrfToken } = c.get('session');
    const rights = await contentRights(prisma, staff);
    const filters = parseContentFilters(c.req.query());
    const [entries, stations] = await Promise.all([listContent(prisma, rights, filters), stationsFor(c)]);
    return renderPage(
      c,
      <ContentListPage
        t={c.get('t')}
        staff={staff}
        csrfToken={csrfToken}
        filters={filters}
        entries={entries}
        stations={stations}
        canCreate={rights.canCreate}
        notice={contentNotice(c.get('t'), c.req.query())}
      />,
    );
  });

  async function entryForm(c: Context<ConsoleEnv>, rights: ContentRights, draft: EntryDraft, mode: 'new' | 'edit' | 'view') {
    const { staff, csrfToken } = c.get('session');
    const t = c.get('t');
    const query = c.req.query();
    const canAdapt = mode === 'view' && rights.canCreate && !rights.isAdmin;
    return renderPage(
      c,
      <EntryPage
        t={t}
        staff={staff}
        csrfToken={csrfToken}
        mode={mode}
        draft={draft}
        stations={await stationsFor(c)}
        canAdapt={canAdapt}
        notice={contentNotice(t, query)}
        error={contentError(t, query)}
      />,
    );
  }

  app.get('/content/new', async (c) => {
    const rights = await contentRights(prisma, c.get('session').staff);
    if (!rights.canCreate) return problemPage(c, 403);
    const scope = rights.ownScope ?? 'global';
    const fromId = c.req.query('from');
    const source = fromId ? await findReadableEntry(prisma, rights, fromId) : null;
    // A copy of a shared entry, ready to become the station's own version.
    const draft = source ? { ...draftOf(source), id: undefined, scope, active: true, verifyBeforeLaunch: true } : blankDraft(scope);
    return entryForm(c, rights, draft, 'new');
  });

  app.get('/content/:id', async (c) => {
    const rights = await contentRights(prisma, c.get('session').staff);
    const entry = await findReadableEntry(prisma, rights, c.req.param('id'));
    if (!entry) return problemPage(c, 404);
    return entryForm(c, rights, draftOf(entry), entryAccess(rights, entry) === 'act' ? 'edit' : 'view');
  });

  app.post('/content', async (c) => {
    const staff = c.get('session').staff;
    const rights = await contentRights(prisma, staff);
    if (!rights.canCreate) return problemPage(c, 403);
    const body = await c.req.parseBody();
    const identity = ContentIdentity.safeParse(body);
    const fields = ContentFields.safeParse(body);
    if (!identity.success || !fields.success) return c.redirect('/admin/content/new?error=invalid', 303);
    return afterResult(c, await createContent(deps, staff, rights, identity.data, fields.data), 'created', '/admin/content/new');
  });

  app.post('/content/:id', async (c) => {
    const staff = c.get('session').staff;
    const id = c.req.param('id');
    const rights = await contentRights(prisma, staff);
    const fields = ContentFields.safeParse(await c.req.parseBody());
    if (!fields.success) {
      const entry = await findReadableEntry(prisma, rights, id);
      if (!entry) return problemPage(c, 404);
      if (entryAccess(rights, entry) !== 'act') return problemPage(c, 403);
      return c.redirect(`/admin/content/${encodeURIComponent(id)}?error=invalid`, 303);
    }
    return afterResult(c, await changeContent(deps, staff, rights, id, { kind: 'update', fields: fields.data }), 'updated', `/admin/content/${encodeURIComponent(id)}`);
  });

  for (const kind of ['retire', 'restore'] as const) {
    app.post(`/content/:id/${kind}`, async (c) => {
      const staff = c.get('session').staff;
      const id = c.req.param('id');
      const rights = await contentRights(prisma, staff);
      const result = await changeContent(deps, staff, rights, id, { kind });
      return afterResult(c, result, kind === 'retire' ? 'retired' : 'restored', `/admin/content/${encodeURIComponent(id)}`);
    });
  }

  return app;
}
