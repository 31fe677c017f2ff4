/**
 * Checks external links over HTTP for the site inspection (docs/rules/website-inspection.md, "Broken
 * links"): one GET per distinct address per run (linkChecker), without following redirects automatically (each hop is checked, so a loop or an overly
 * long chain is named), a timeout per request, retries after network errors, timeouts and 5xx/429
 * answers, and one request at a time per host, the next `perHostIntervalMs` after the previous was answered. Hosts are checked in parallel.
 */
export type LinkResult = { ok: boolean; status: number | null; problem: string | null };

export type HttpCheckOptions = {
  timeoutMs?: number;
  retries?: number;
  retryDelayMs?: number;
  perHostIntervalMs?: number;
  maxRedirects?: number;
  /** Hosts checked at the same time. */
  parallelHosts?: number;
  /** Aborted when the server stops: requests in flight end and the check throws the signal's reason. */
  signal?: AbortSignal;
};

const DEFAULTS: Required<Omit<HttpCheckOptions, 'signal'>> = { timeoutMs: 10_000, retries: 2, retryDelayMs: 1_000, perHostIntervalMs: 1_000, maxRedirects: 5, parallelHosts: 4 };

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function networkProblem(e: unknown, timeoutMs: number): string {
  const err = e as { name?: string; cause?: { code?: string; message?: string }; message?: string };
  if (err?.name === 'TimeoutError' || err?.name === 'AbortError') return `超时（${Math.round(timeoutMs / 1000 * 10) / 10} 秒内无响应）`;
  const code = err?.cause?.code;
  if (code === 'ECONNRESET' || err?.cause?.message === 'other side closed') return '连接被重置';
  if (code === 'ECONNREFUSED') return '连接被拒绝';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return '域名无法解析';
  if (code && /CERT|SSL|TLS/.test(code)) return `证书错误（${code}）`;
  return `无法连接${code ? `（${code}）` : ''}`;
}

/**
 * A per-host gate: each call waits for the host's next free slot and takes it; the slot after it
 * starts `intervalMs` after this request has ended (its answer read), so a slow answer or a new
 * connection never brings two requests to the host closer than the interval.
 */
function hostGate(intervalMs: number) {
  const next = new Map<string, number>();
  return async (host: string): Promise<() => void> => {
    const now = Date.now();
    const at = Math.max(now, next.get(host) ?? 0);
    next.set(host, at + intervalMs);
    if (at > now) await sleep(at - now);
    return () => next.set(host, Math.max(next.get(host) ?? 0, Date.now() + intervalMs));
  };
}

type Answer = { status: number; location: string | null } | { problem: string };

/**
 * A link checker for one run (a site inspection checks its external links in batches): every address
 * is asked once per checker — a link given twice, a redirect's target that is also linked, or the one
 * target two links redirect to. Each address's answer (its status and Location, or why there was none,
 * after the retries) is kept for the checker's life, a few dozen bytes an address. Only GET is sent
 * (never HEAD first: many servers refuse or mis-answer HEAD, and a second request would be the cost).
 */
export function linkChecker(options: HttpCheckOptions = {}): { check(urls: string[]): Promise<Map<string, LinkResult>> } {
  const o = { ...DEFAULTS, ...options };
  const gate = hostGate(o.perHostIntervalMs);
  const answers = new Map<string, Promise<Answer>>();
  const ask = (url: string): Promise<Answer> => {
    let answer = answers.get(url);
    if (!answer) {
      answer = request(url);
      answers.set(url, answer);
      // A stop (the signal) is not an answer: the next run asks again.
      answer.catch(() => answers.delete(url));
    }
    return answer;
  };

  const request = async (url: string): Promise<Answer> => {
    let last = '';
    for (let attempt = 0; attempt <= o.retries; attempt++) {
      if (attempt > 0) await sleep(o.retryDelayMs);
      o.signal?.throwIfAborted();
      const release = await gate(new URL(url).host);
      try {
        const timeout = AbortSignal.timeout(o.timeoutMs);
        const res = await fetch(url, { method: 'GET', redirect: 'manual', signal: o.signal ? AbortSignal.any([timeout, o.signal]) : timeout, headers: { 'user-agent': 'gongkai-link-checker' } }).finally(release);
        await res.body?.cancel().catch(() => undefined);
        if ((res.status >= 500 || res.status === 429) && attempt < o.retries) {
          last = `HTTP ${res.status}`;
          continue;
        }
        return { status: res.status, location: res.headers.get('location') };
      } catch (e) {
        o.signal?.throwIfAborted();
        last = networkProblem(e, o.timeoutMs);
      }
    }
    return { problem: `${last}，重试 ${o.retries} 次仍失败` };
  };

  const checkOne = async (start: string): Promise<LinkResult> => {
    const seen = new Set<string>();
    let url = start;
    for (let hop = 0; hop <= o.maxRedirects; hop++) {
      if (seen.has(url)) return { ok: false, status: null, problem: `重定向循环（回到 ${url}）` };
      seen.add(url);
      const r = await ask(url);
      if ('problem' in r) return { ok: false, status: null, problem: hop > 0 ? `${r.problem}（重定向至 ${url}）` : r.problem };
      if (r.status >= 300 && r.status < 400 && r.status !== 304) {
        if (!r.location) return { ok: false, status: r.status, problem: `HTTP ${r.status} 重定向但没有目标地址` };
        url = new URL(r.location, url).href;
        continue;
      }
      if (r.status >= 400) return { ok: false, status: r.status, problem: `HTTP ${r.status}${hop > 0 ? `（重定向至 ${url}）` : ''}` };
      return { ok: true, status: r.status, problem: null };
    }
    return { ok: false, status: null, problem: `重定向超过 ${o.maxRedirects} 次` };
  };

  // One queue per host, checked in order; up to `parallelHosts` hosts at a time.
  const check = async (urls: string[]): Promise<Map<string, LinkResult>> => {
    const byHost = new Map<string, string[]>();
    for (const u of new Set(urls)) {
      const host = new URL(u).host;
      byHost.set(host, [...(byHost.get(host) ?? []), u]);
    }
    const queues = [...byHost.values()];
    const results = new Map<string, LinkResult>();
    const worker = async () => {
      for (let q = queues.shift(); q; q = queues.shift()) for (const u of q) results.set(u, await checkOne(u));
    };
    await Promise.all(Array.from({ length: Math.min(o.parallelHosts, queues.length) }, worker));
    return results;
  };
  return { check };
}

/** One check of some links with a checker of its own (linkChecker): each address asked once. */
export const checkExternalLinks = (urls: string[], options: HttpCheckOptions = {}): Promise<Map<string, LinkResult>> => linkChecker(options).check(urls);
