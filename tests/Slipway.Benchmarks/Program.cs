return await Slipway.Benchmarks.GitOps.GitOpsBenchmark.RunAsync(args);
