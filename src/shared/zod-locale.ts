import { z } from 'zod';

// Validation messages that zod writes itself (types, unknown keys) come out in Japanese.
z.config(z.locales.ja());
