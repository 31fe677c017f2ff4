import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export type ReceivedMail = { to: string[]; from: string; subject: string; text: string };

/**
 * A local SMTP server on loopback for tests: it accepts (or, when told, refuses) every message and
 * keeps what it received, parsed. Started and stopped by the test that needs it.
 */
export async function startSmtpSink() {
  const received: ReceivedMail[] = [];
  let refuse = false;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', async () => {
        if (refuse) return callback(Object.assign(new Error('mailbox unavailable'), { responseCode: 550 }));
        const parsed = await simpleParser(Buffer.concat(chunks));
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', subject: parsed.subject ?? '', text: parsed.text ?? '' });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as { port: number }).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    /** Make the server refuse (or accept again) every message. */
    refuseAll(on: boolean) { refuse = on; },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
