print("café ÿþ")
