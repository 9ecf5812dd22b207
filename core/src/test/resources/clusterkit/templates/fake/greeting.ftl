Hello ${name}!
