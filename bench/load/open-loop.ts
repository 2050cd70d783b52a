// Staff at work: each simulated worker waits a random think time (exponential, so arrivals are
// a Poisson stream), sends one request of the mixed workload, and waits again, whether or not
// the server keeps up (an open loop: a slow answer does not slow the arrivals of others).
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { percentile } from '../percentile';
import { type LoadRequest, sendOnce } from './wrk';

export type OpenLoopResult = {
  sent: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  /** How late the generator's own timers ran at p99 (ms): a late generator reads as a slow server. */
  generatorLateP99: number;
};

export async function staffAtWork(
  baseUrl: string,
  requests: LoadRequest[],
  options: { staff: number; offeredPerSecond: number; seconds: number },
): Promise<OpenLoopResult> {
  const meanThinkMs = (options.staff / options.offeredPerSecond) * 1000;
  const until = performance.now() + options.seconds * 1000;
  const latencies: number[] = [];
  let errors = 0;
  let next = Math.floor(Math.random() * requests.length);
  const pending = new Set<Promise<void>>();
  const lateness = monitorEventLoopDelay({ resolution: 10 });
  lateness.enable();
  const send = async (r: LoadRequest) => {
    const started = performance.now();
    try {
      const response = await sendOnce(baseUrl, r);
      await response.arrayBuffer();
      if (response.status >= 400) errors++;
    } catch {
      errors++;
    }
    latencies.push(performance.now() - started);
  };
  const worker = async () => {
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, -Math.log(1 - Math.random()) * meanThinkMs));
      if (performance.now() >= until) return;
      const request = requests[next++ % requests.length] as LoadRequest;
      // the answer is awaited apart: the worker's next arrival does not wait for it
      const answer = send(request);
      pending.add(answer);
      answer.finally(() => pending.delete(answer));
    }
  };
  await Promise.all(Array.from({ length: options.staff }, worker));
  await Promise.all(pending);
  lateness.disable();
  return {
    sent: latencies.length,
    perSecond: latencies.length / options.seconds,
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    p99: percentile(latencies, 0.99),
    errors,
    generatorLateP99: lateness.percentile(99) / 1e6,
  };
}
