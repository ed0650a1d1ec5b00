Console.Error.WriteLine("permit-sim: no commands yet");
return 2;
