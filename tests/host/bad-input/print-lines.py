for i in range(10**7):
    print(i)
