import { UsageError } from '../exitCodes.ts';
import type { StoreScheme } from './storeUrl.ts';

/** The query parameter of ours (not the client's) that names the store's stream prefix. */
const PREFIX_PARAMETER = 'streamPrefix';

/** Takes `streamPrefix=…` out of a connection string's query, leaving the rest as the client reads it. */
export function splitStreamPrefix(connectionString: string): {
  connectionString: string;
  streamPrefix?: string;
} {
  const query = connectionString.indexOf('?');
  if (query < 0) return { connectionString };
  let streamPrefix: string | undefined;
  const kept = connectionString
    .slice(query + 1)
    .split('&')
    .filter((pair) => {
      const [key, value = ''] = pair.split('=');
      if (key !== PREFIX_PARAMETER) return true;
      streamPrefix = decodeURIComponent(value);
      return false;
    });
  const base = connectionString.slice(0, query);
  return {
    connectionString: kept.length > 0 ? `${base}?${kept.join('&')}` : base,
    ...(streamPrefix === undefined ? {} : { streamPrefix }),
  };
}

/**
 * `esdb://HOST:2113[,HOST2:2113…]?tls=false…` and `esdb+discover://CLUSTER:2113?…`: an EventStoreDB or
 * KurrentDB server or cluster, the connection string passed to its client unchanged (see the README of
 * `@lvzhi/store-eventstoredb`) but for `streamPrefix=P`, ours: the log lives in the streams named `P<stream>`,
 * so several logs share a server. A command that only reads opens it read-only. Projection states are kept in
 * memory for the run (the server has no place for them). `@lvzhi/store-eventstoredb` (and its gRPC client)
 * are loaded only when such a URL is opened.
 */
function eventStoreDbScheme(scheme: 'esdb:' | 'esdb+discover:'): StoreScheme {
  return {
    scheme,
    usage: `${scheme}//HOST:2113[?tls=false][&streamPrefix=P]`,
    open: async (rest, { readOnly }) => {
      const { connectionString, streamPrefix } = splitStreamPrefix(`${scheme}${rest}`);
      const { EventStoreDbStore } = await import('@lvzhi/store-eventstoredb');
      try {
        return await EventStoreDbStore.connect(connectionString, {
          readOnly: readOnly === true,
          ...(streamPrefix === undefined ? {} : { streamPrefix }),
        });
      } catch (error) {
        // A connection string the client cannot parse, or a bad prefix (the store's RangeError, password
        // masked), is a usage error.
        if (error instanceof RangeError) throw new UsageError(`--store: ${error.message}`);
        throw error;
      }
    },
  };
}

/** The store schemes of EventStoreDB / KurrentDB, for the store-URL resolver. */
export const EVENTSTOREDB_SCHEMES: readonly StoreScheme[] = [
  eventStoreDbScheme('esdb:'),
  eventStoreDbScheme('esdb+discover:'),
];
