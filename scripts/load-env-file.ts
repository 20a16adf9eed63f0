// Imported first by the scripts, so they read the same `.env` that Next.js reads for the portal.
// Variables already set in the environment win, as they do in Next.js.
import fs from 'node:fs';

for (const file of ['.env.local', '.env']) {
  if (fs.existsSync(file)) process.loadEnvFile(file);
}
