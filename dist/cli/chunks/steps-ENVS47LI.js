import { createRequire as __dtflwRequire } from 'node:module'; const require = __dtflwRequire(import.meta.url);
import{addStep,listTemplates,prepareStep}from"./chunk-N4CRIWIV.js";import"./chunk-BYWPL3WO.js";import"./chunk-AAVLTOOI.js";import"./chunk-B76IHCNN.js";export{addStep,listTemplates,prepareStep};
