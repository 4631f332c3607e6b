import { Hono } from 'hono';
import { CONSOLE_CSS } from './console-css.js';
import { QUEUE_SCRIPT } from './queue-script.js';

const CACHE = 'public, max-age=300';

/** Static files for the console: styles and scripts (no inline code anywhere). */
export function assetRoutes(): Hono {
  const app = new Hono();
  app.get('/console.css', (c) => c.body(CONSOLE_CSS, 200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': CACHE }));
  app.get('/queue.js', (c) => c.body(QUEUE_SCRIPT, 200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': CACHE }));
  return app;
}
