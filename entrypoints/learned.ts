import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { type LearnedJob, runLearnedJob } from '../lib/capture/learned';

// Injected only on a site the editor has taught (lib/browser/tabs.ts): reads learned places, or finds
// where a corrected value stands. Its job arrives as data set just before, in the extension's own world.
export default defineUnlistedScript(() =>
  runLearnedJob(document, (globalThis as { digestClipperLearnedJob?: LearnedJob }).digestClipperLearnedJob),
);
