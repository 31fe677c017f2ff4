/** The demo's steps done (migration 095, src/main/seed-demo.ts): a first start that stopped midway is completed by the next. */
export interface DemoTables {
  demo_steps: { step: string; done_at: string };
}
