import { createRequire as __dtflwRequire } from 'node:module'; const require = __dtflwRequire(import.meta.url);
import{addStep,listTemplates,prepareStep}from"./chunk-S57HMXH3.js";import"./chunk-P624HUEJ.js";import"./chunk-RD53DM7W.js";import"./chunk-YNXT5HW5.js";export{addStep,listTemplates,prepareStep};
