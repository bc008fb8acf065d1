import { createRequire as __dtflwRequire } from 'node:module'; const require = __dtflwRequire(import.meta.url);
import{addStep,listTemplates,prepareStep}from"./chunk-EZ2XY5WO.js";import"./chunk-5S4BGFBA.js";import"./chunk-YRPN2JXV.js";import"./chunk-ADIWXPQH.js";export{addStep,listTemplates,prepareStep};
