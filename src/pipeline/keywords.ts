/** Global words that work from anywhere, in every supported language. */
const STOP = new Set(['stop', 'unsubscribe', '退订', '退訂', '停止', '取消订阅', '取消訂閱']);
const START = new Set(['start', 'subscribe', '订阅', '訂閱', '恢复', '恢復']);

function normalise(text: string): string {
  return text.normalize('NFKC').trim().toLowerCase().replace(/[。.!！]+$/, '');
}

export function isStop(text: string): boolean {
  return STOP.has(normalise(text));
}

export function isStart(text: string): boolean {
  return START.has(normalise(text));
}
