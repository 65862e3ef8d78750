import { version } from '../../package.json';

/** Bumped whenever a change to the engine can change a report for the same data and seeds. */
const engineRevision = 3;

/** Reports quote it, with the data version, so that a result can be reproduced. */
export const engineVersion = `${version}+screening.${engineRevision}`;
