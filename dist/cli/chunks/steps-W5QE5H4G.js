import { createRequire as __dtflwRequire } from 'node:module'; const require = __dtflwRequire(import.meta.url);
import{addStep,listTemplates,prepareStep}from"./chunk-LAYD5ZNM.js";import"./chunk-C4L3F4IT.js";import"./chunk-OFT3QAMB.js";import"./chunk-TBVWLH2K.js";export{addStep,listTemplates,prepareStep};
