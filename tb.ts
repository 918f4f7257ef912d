import { teamFigures } from './bench/team';
await teamFigures();
