import { randomUUID } from 'node:crypto';

export interface ChatReply {
  id: string;
  text: string;
  choices?: { label: string; value: string }[];
}

/** A browser talking to /chat over HTTP, keeping its cookie. */
export class WebChatClient {
  private cookie = '';
  private after = '';
  readonly received: ChatReply[] = [];

  constructor(private readonly baseUrl: string) {}

  private async request(path: string, init: RequestInit = {}): Promise<Response> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      ...init,
      headers: { 'content-type': 'application/json', ...(this.cookie ? { cookie: this.cookie } : {}) },
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0] ?? '';
    return response;
  }

  async send(body: { text: string } | { choice: string }, id: string = randomUUID()): Promise<{ status: number; result?: string }> {
    const response = await this.request('/chat/api/messages', { method: 'POST', body: JSON.stringify({ id, ...body }) });
    const json = (await response.json()) as { status?: string };
    return { status: response.status, ...(json.status ? { result: json.status } : {}) };
  }

  async demoLogin(kind: 'participant' | 'family', id: string): Promise<number> {
    return (await this.request('/chat/api/demo-login', { method: 'POST', body: JSON.stringify({ kind, id }) })).status;
  }

  /** Fetches replies not seen yet. */
  async poll(): Promise<ChatReply[]> {
    const response = await this.request(`/chat/api/messages?after=${encodeURIComponent(this.after)}`);
    const json = (await response.json()) as { messages: (ChatReply & { at: string })[] };
    const fresh = json.messages.filter((m) => !this.received.some((r) => r.id === m.id));
    for (const m of fresh) {
      this.received.push(m);
      this.after = m.at;
    }
    return fresh;
  }

  /** Waits for the next reply whose text matches. */
  async waitForReply(pattern: RegExp, timeoutMs = 10_000): Promise<ChatReply> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      await this.poll();
      const match = this.received.find((r) => pattern.test(r.text));
      if (match) return match;
      if (Date.now() > deadline) {
        throw new Error(`no reply matching ${pattern}; got: ${JSON.stringify(this.received.map((r) => r.text))}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
