import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { SmtpEmailSender } from '../src/flows/flow-messages';

/** A real SMTP server on loopback receives what the flow engine's e-mail sender sends. */
describe('SMTP e-mail delivery', () => {
  const received: { from: string; to: string[]; data: string }[] = [];
  let server: SMTPServer;
  let port: number;

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, callback) {
        let data = '';
        stream.on('data', (chunk: Buffer) => (data += chunk.toString('utf8')));
        stream.on('end', () => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            data,
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('delivers subject, recipients and a UTF-8 body', async () => {
    const sender = new SmtpEmailSender(`smtp://127.0.0.1:${port}`, 'CRM <crm@tessera.local>');
    await sender.send({
      to: ['rep@example.com', 'boss@example.com'],
      subject: '生日提醒 Birthday reminder',
      body: '张三 的生日还有 7 天',
    });
    sender.close();
    expect(received).toHaveLength(1);
    expect(received[0].from).toBe('crm@tessera.local');
    expect(received[0].to).toEqual(['rep@example.com', 'boss@example.com']);
    const [headers, body] = received[0].data.split('\r\n\r\n');
    expect(headers).toMatch(/Subject: =\?UTF-8\?/);
    expect(headers).toMatch(/Content-Transfer-Encoding: base64/);
    expect(Buffer.from(body.replace(/\s/g, ''), 'base64').toString('utf8')).toBe('张三 的生日还有 7 天');
  });

  it('rejects when the server is unreachable, so the delivery job retries', async () => {
    const sender = new SmtpEmailSender('smtp://127.0.0.1:1', 'x@tessera.local');
    await expect(sender.send({ to: ['a@example.com'], subject: 's', body: 'b' })).rejects.toThrow();
    sender.close();
  });
});
