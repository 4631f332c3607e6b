import { expect, it } from 'vitest';
import { ContentCache } from '../../../src/conversation/content/content-cache.js';
import { loadEntries, type ContentScope } from '../../../src/conversation/content/lookup.js';
import { describeEachDatabase } from '../../support/database.js';

const SCOPE: ContentScope = { locale: 'zh-CN', stationId: null, region: null };
const KINDS = ['FAQ' as const];

describeEachDatabase('the content cache', (db) => {
  it('answers as the table does, and sees edits, deletions and new rows at the next refresh', async () => {
    const prisma = db().prisma;
    const cache = new ContentCache();
    const titles = async () =>
      prisma.$transaction(async (tx) => {
        await cache.refresh(tx);
        const cached = (await cache.entries(tx, KINDS, SCOPE)).map((e) => e.title);
        // The same answer as reading the table directly.
        expect(cached).toEqual((await loadEntries(tx, KINDS, SCOPE)).map((e) => e.title));
        return cached;
      });

    const row = await prisma.contentEntry.create({
      data: { kind: 'FAQ', key: 'cache-test', locale: 'zh-CN', title: '第一版', body: '内容', tags: ['kw:缓存测试'] },
    });
    expect(await titles()).toContain('第一版');
    await prisma.contentEntry.update({ where: { id: row.id }, data: { title: '第二版' } });
    expect(await titles()).toContain('第二版');
    await prisma.contentEntry.update({ where: { id: row.id }, data: { active: false } });
    expect(await titles()).not.toContain('第二版');
    await prisma.contentEntry.delete({ where: { id: row.id } });
    await prisma.contentEntry.create({ data: { kind: 'FAQ', key: 'cache-test-2', locale: 'zh-CN', title: '新的', body: '内容' } });
    expect(await titles()).toContain('新的');
  });

  it('reads the table in a transaction that did not refresh it', async () => {
    const prisma = db().prisma;
    const cache = new ContentCache();
    await prisma.$transaction((tx) => cache.refresh(tx));
    await prisma.contentEntry.create({ data: { kind: 'FAQ', key: 'cache-test-3', locale: 'zh-CN', title: '刚加的', body: '内容' } });
    const titles = await prisma.$transaction(async (tx) => (await cache.entries(tx, KINDS, SCOPE)).map((e) => e.title));
    expect(titles).toContain('刚加的');
  });
});
