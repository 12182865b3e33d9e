import type { ChildProcess } from 'node:child_process';

const READY_TIMEOUT_MS = 90_000;
const URL_PATTERN = /https?:\/\/127\.0\.0\.1:\d+\/?/u;

/** The first loopback address a started process prints (the bridge's or the server's). */
export function waitForUrl(child: ChildProcess, what = 'The browser bridge'): Promise<string> {
  return new Promise((resolveUrl, reject) => {
    let output = '';
    const timer = setTimeout(
      () => fail(new Error(`${what} printed no address within ${READY_TIMEOUT_MS / 1000} s.`)),
      READY_TIMEOUT_MS,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = URL_PATTERN.exec(output);
      if (match) {
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        // Keep draining the pipes so the bridge never blocks on a full buffer.
        child.stdout?.resume();
        child.stderr?.resume();
        resolveUrl(match[0]);
      }
    };
    const fail = (error: Error) => {
      clearTimeout(timer);
      reject(new Error(`${error.message}\nOutput:\n${output}`));
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
    });
    child.once('exit', (code) => fail(new Error(`${what} exited with code ${code}.`)));
    child.once('error', fail);
  });
}

export async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  child.kill('SIGTERM');
  const timeout = new Promise<'timeout'>((done) => setTimeout(() => done('timeout'), 5_000));
  if ((await Promise.race([exited, timeout])) === 'timeout') child.kill('SIGKILL');
}
