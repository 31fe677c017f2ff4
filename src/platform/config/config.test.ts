import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('defaults to port 3000 on 127.0.0.1 with SQLite under ./data', () => {
    const c = loadConfig({}, '/srv/gk');
    expect(c).toMatchObject({ port: 3000, host: '127.0.0.1', dataDir: '/srv/gk/data', databaseUrl: null, demo: true });
    expect(loadConfig({ GONGKAI_DEMO: 'false' }, '/srv/gk').demo).toBe(false);
  });

  it.each([
    ['PORT', { PORT: 'abc' }],
    ['PORT', { PORT: '70000' }],
    ['DATABASE_URL', { DATABASE_URL: 'mysql://x' }],
    ['GONGKAI_ADMIN_PASSWORD', { GONGKAI_ADMIN_PASSWORD: 'short' }],
    ['GONGKAI_PUBLIC_URL', { GONGKAI_PUBLIC_URL: 'ftp://x' }],
    ['GONGKAI_TRUST_PROXY', { GONGKAI_TRUST_PROXY: 'maybe' }],
    ['GONGKAI_DEMO', { GONGKAI_DEMO: 'nope' }],
    ['GONGKAI_SMTP_URL', { GONGKAI_SMTP_URL: 'http://mail.example.gov.cn', GONGKAI_MAIL_FROM: 'a@b.cn' }],
    ['GONGKAI_MAIL_FROM', { GONGKAI_SMTP_URL: 'smtp://mail.example.gov.cn:25' }],
    ['GONGKAI_MAIL_FROM', { GONGKAI_SMTP_URL: 'smtp://mail.example.gov.cn:25', GONGKAI_MAIL_FROM: '政务公开' }],
    ['GONGKAI_ACCEL_REDIRECT', { GONGKAI_ACCEL_REDIRECT: '_files' }],
    ['GONGKAI_SECRET_KEY', { GONGKAI_SECRET_KEY: 'too-short' }],
    ['GONGKAI_SECRET_KEY', { GONGKAI_SECRET_KEY: 'ab'.repeat(31) }],
    ['GONGKAI_ACCEL_REDIRECT', { GONGKAI_ACCEL_REDIRECT: '/_files' }],
  ])('refuses a wrong %s with a message naming the variable', (variable, env) => {
    expect(() => loadConfig(env as NodeJS.ProcessEnv)).toThrow(variable);
  });

  it('sends attachments through nginx only when its internal location is named', () => {
    expect(loadConfig({}).accelRedirect).toBeNull();
    expect(loadConfig({ GONGKAI_ACCEL_REDIRECT: '/_gongkai_files/' }).accelRedirect).toBe('/_gongkai_files/');
  });

  it('takes the secret key as 64 hex characters or base64 of 32 bytes; without it, the data directory\'s key file', () => {
    expect(loadConfig({}).secretKey).toBeNull();
    expect(loadConfig({ GONGKAI_SECRET_KEY: ` ${'0f'.repeat(32)}\n` }).secretKey).toBe('0f'.repeat(32));
    expect(loadConfig({ GONGKAI_SECRET_KEY: Buffer.alloc(32, 7).toString('base64') }).secretKey).toBe(Buffer.alloc(32, 7).toString('base64'));
  });

  it('accepts a PostgreSQL URL', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/gongkai' }).databaseUrl).toBe(
      'postgres://postgres@127.0.0.1:5432/gongkai',
    );
  });

  it('sends reminder e-mails only when an SMTP server and a sender are configured', () => {
    expect(loadConfig({}).smtp).toBeNull();
    expect(loadConfig({ GONGKAI_SMTP_URL: 'smtps://gk:pw@mail.example.gov.cn:465', GONGKAI_MAIL_FROM: '"县住建局政务公开" <gongkai@zjj.example.gov.cn>' }).smtp)
      .toEqual({ url: 'smtps://gk:pw@mail.example.gov.cn:465', from: '"县住建局政务公开" <gongkai@zjj.example.gov.cn>' });
  });
});
