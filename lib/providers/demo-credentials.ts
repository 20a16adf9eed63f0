// The simulator's credentials, from each provider's descriptor. Not secrets: they only open the local simulator.
import { registry } from './registry';

export const DEMO_CREDENTIALS = registry.pick((p) => Object.fromEntries(p.credentialFields.map((f) => [f.name, f.simulatorValue])));
