import { z } from 'zod';

// Every message a person may see is Chinese: explicit messages where a rule needs wording,
// zod's Chinese locale for everything else.
z.config(z.locales.zhCN());

export { z };
