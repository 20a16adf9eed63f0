// The simulator's credentials, from each provider's descriptor. Not secrets: they only open the simulator.
import { simulatorCredentials } from './descriptor';
import { registry } from './registry';

export const DEMO_CREDENTIALS = registry.pick(simulatorCredentials);
