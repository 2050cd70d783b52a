import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { announcedUrl } from './announced-url';

const child = (script: string) =>
  spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'ignore'] });

describe('waiting for a server process to say it listens', () => {
  it('answers the address it announced, on 127.0.0.1, after what it wrote before', async () => {
    const server = child(
      "console.log('migrating'); setTimeout(() => console.log('tsunagu: http://localhost:41234 で起動しました。データベース: PGlite'), 50); setTimeout(() => {}, 500);",
    );
    await expect(announcedUrl(server)).resolves.toBe('http://127.0.0.1:41234');
    server.kill();
  });

  it('fails at once when the process stops before it listens (its port was taken)', async () => {
    const server = child("console.error('EADDRINUSE'); process.exit(1);");
    await expect(announcedUrl(server)).rejects.toThrow('the server stopped before it listened (exit 1)');
  });

  it('fails when the process says nothing within the time given', async () => {
    const server = child('setTimeout(() => {}, 5000);');
    await expect(announcedUrl(server, 300)).rejects.toThrow('within 0.3 s');
    server.kill();
  });
});
