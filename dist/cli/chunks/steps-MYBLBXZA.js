import { createRequire as __dtflwRequire } from 'node:module'; const require = __dtflwRequire(import.meta.url);
import{addStep,listTemplates,prepareStep}from"./chunk-KRKK5RK2.js";import"./chunk-P624HUEJ.js";import"./chunk-ZUTW4GCM.js";import"./chunk-YNXT5HW5.js";export{addStep,listTemplates,prepareStep};
