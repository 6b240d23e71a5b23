using Stowage.Bench;

return await BenchProgram.RunAsync(args);
