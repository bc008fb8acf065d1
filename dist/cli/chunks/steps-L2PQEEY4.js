import { createRequire as __dtflwRequire } from 'node:module'; const require = __dtflwRequire(import.meta.url);
import{addStep,listTemplates,prepareStep}from"./chunk-YDTCLLTA.js";import"./chunk-RKSMEPFZ.js";import"./chunk-WLM5P7UU.js";import"./chunk-D4KYIYGR.js";export{addStep,listTemplates,prepareStep};
