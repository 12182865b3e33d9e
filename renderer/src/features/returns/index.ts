export { CandidatesScreen } from './CandidatesScreen';
export { CounterScreen } from './CounterScreen';
export { ReturnAcknowledgement } from './ReturnAcknowledgement';
export { ReturnScreen } from './ReturnScreen';
export { ReturnsRegisterScreen } from './ReturnsRegisterScreen';
export { SocietyReturns } from './SocietyReturns';
