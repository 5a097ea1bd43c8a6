/**
 * Keeps the Google tests on this computer: every TCP connection this test process opens goes
 * through `net.Socket.prototype.connect` (fetch, http, https, tls all end there), and one to any host
 * but 127.0.0.1 is refused and recorded, so a test that would reach the internet fails instead.
 * `DNS_FAILURE_HOST` is answered as a resolver would answer a name that does not exist (ENOTFOUND),
 * without asking one: that is how the tests see a DNS failure.
 */
import * as net from 'node:net';

export const DNS_FAILURE_HOST = 'no-such-host.invalid';

export interface NetworkGuard {
  /** `host:port` of every connection that was refused because it would have left 127.0.0.1. */
  readonly blocked: string[];
  restore(): void;
}

type ConnectArgs = Parameters<net.Socket['connect']>;

export function guardNetwork(): NetworkGuard {
  const blocked: string[] = [];
  const proto = net.Socket.prototype as unknown as { connect: (...args: unknown[]) => net.Socket };
  const original = proto.connect;
  proto.connect = function guardedConnect(this: net.Socket, ...args: unknown[]): net.Socket {
    // Node passes either (options[, cb]), (port[, host][, cb]), (path[, cb]) or its own normalised [options, cb] array.
    const first = Array.isArray(args[0]) ? (args[0] as unknown[])[0] : args[0];
    let host: string | null;
    let port: unknown;
    if (typeof first === 'object' && first !== null) {
      const o = first as { host?: string; port?: unknown; path?: string };
      host = o.path ? null : (o.host ?? 'localhost');
      port = o.port;
    } else if (typeof first === 'string' && !/^\d+$/.test(first)) {
      host = null; // a local socket path
    } else {
      host = typeof args[1] === 'string' ? args[1] : 'localhost';
      port = first;
    }
    if (host === null || host === '127.0.0.1') return original.apply(this, args as ConnectArgs);
    const error = Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND', syscall: 'getaddrinfo', hostname: host });
    if (host !== DNS_FAILURE_HOST) {
      blocked.push(`${host}:${String(port)}`);
      Object.assign(error, { code: 'ECONNREFUSED', message: `test network guard: ${host} is not 127.0.0.1` });
    }
    process.nextTick(() => this.destroy(error));
    return this;
  };
  return {
    blocked,
    restore: () => {
      proto.connect = original;
    },
  };
}
