// <parley-policy> for any website: `<script src="https://parley.example/embed.js" async></script>`.
// Parley's address comes from this script's own URL, read now: currentScript is only set while
// the script first runs.
import { baseFromScript } from './lib/api';
import { defineParleyPolicy } from './lib/parley-policy';

defineParleyPolicy(baseFromScript(document.currentScript));
