/** Demo data for the embedded default: the plan, the fixed README cases and the seeding. */
export { seedDemoData, type DemoDatabases } from './seed-demo-data.js';
export { maakDemoPlan, maakDemoPlanInDelen, CODE_ALFABET, type DemoPlan, type DemoTrajectSamenvatting, type NegatiefEinde, type PlanOpties } from './plan.js';
export { DEMO_INWONER, DEMO_TRAJECTEN, type VastTraject } from './fixed-cases.js';
export { elfproef } from './persons.js';
