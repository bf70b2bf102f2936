import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU seconds per thread of the processes whose command line contains `marker` (a Chromium profile directory),
 * read from Linux's /proc: what each thread did, whatever else the machine was running, which wall time on a
 * shared machine cannot say. Sampled until stopped, so a thread that ends (a worker) is still counted. Empty
 * where there is no /proc.
 */
export function sampleThreadCpu(marker: string, everyMs = 250): { stop(): Map<string, number> } {
  const read = () => {
    const threads = new Map<string, number>();
    let pids: string[] = [];
    try {
      pids = readdirSync('/proc').filter((entry) => /^\d+$/.test(entry));
    } catch {
      return threads;
    }
    for (const pid of pids) {
      try {
        const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
        if (!command.includes(marker)) continue;
        const process = /--type=([a-z-]+)/.exec(command)?.[1] ?? 'browser';
        for (const tid of readdirSync(`/proc/${pid}/task`)) {
          const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
          const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
          const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
          // utime and stime, in clock ticks (100 a second on Linux).
          threads.set(`${process}:${pid}:${name}:${tid}`, (Number(fields[11]) + Number(fields[12])) / 100);
        }
      } catch {
        // The process or thread ended between listing and reading it.
      }
    }
    return threads;
  };
  const start = read();
  const last = new Map(start);
  const timer = setInterval(() => read().forEach((seconds, thread) => last.set(thread, seconds)), everyMs);
  return {
    stop() {
      clearInterval(timer);
      read().forEach((seconds, thread) => last.set(thread, seconds));
      return new Map([...last].map(([thread, seconds]) => [thread, seconds - (start.get(thread) ?? 0)] as const).filter(([, seconds]) => seconds > 0));
    },
  };
}

/** CPU seconds summed by kind of thread: a process type and a thread name ("renderer:chromium" is a page's main thread). */
export function sumByKind(threads: Map<string, number>): Map<string, number> {
  const sums = new Map<string, number>();
  for (const [thread, seconds] of threads) {
    const [process, , name] = thread.split(':');
    const key = `${process}:${name}`;
    sums.set(key, (sums.get(key) ?? 0) + seconds);
  }
  return new Map([...sums].sort((a, b) => b[1] - a[1]));
}
