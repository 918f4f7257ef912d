// Must load before Dexie so every database in the tests lives in memory.
import 'fake-indexeddb/auto';
