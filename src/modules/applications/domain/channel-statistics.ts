import { CHANNEL_LABELS, CHANNELS, type Channel } from './channels.ts';
import { OUTCOME_GROUP_LABELS, outcomeGroup, type Outcome, type OutcomeGroup } from './outcomes.ts';

const GROUPS: OutcomeGroup[] = ['disclosed', 'partly_disclosed', 'withheld', 'unable', 'not_processed', 'other'];

/** Column headers: received, one per outcome group of table 三, still open. */
export const CHANNEL_STATISTICS_HEADER = ['提交方式', '收到申请', ...GROUPS.map((g) => OUTCOME_GROUP_LABELS[g].replace(/^（.）/, '')), '尚未办结'];

export type ChannelCountRow = { channel: string; outcome: string | null; count: number };

/**
 * Applications received in a year, per channel (条例第二十九条、第三十一条), and how those were closed,
 * grouped as table 三 of the annual report; a channel with nothing received is left out, 合计 last.
 */
export function channelStatistics(rows: readonly ChannelCountRow[]): { label: string; values: number[] }[] {
  const byChannel = new Map<Channel, number[]>();
  for (const r of rows) {
    const channel = (CHANNELS as readonly string[]).includes(r.channel) ? (r.channel as Channel) : 'imported';
    const values = byChannel.get(channel) ?? Array<number>(GROUPS.length + 2).fill(0);
    values[0] += r.count;
    if (r.outcome === null) values[GROUPS.length + 1] += r.count;
    else values[1 + GROUPS.indexOf(outcomeGroup(r.outcome as Outcome))] += r.count;
    byChannel.set(channel, values);
  }
  const lines = CHANNELS.filter((c) => byChannel.has(c)).map((c) => ({ label: CHANNEL_LABELS[c], values: byChannel.get(c)! }));
  const total = Array<number>(GROUPS.length + 2).fill(0).map((_, i) => lines.reduce((n, l) => n + l.values[i], 0));
  return [...lines, { label: '合计', values: total }];
}
