// Pin global state that results could depend on: dates are parsed and printed in Beijing time.
process.env.TZ = "Asia/Shanghai";
